using System.Text.Json.Nodes;
using System.CommandLine;
using System.Globalization;
using static HfSpaces.Cli.HfSpacesCli;

namespace HfSpaces.Cli.Commands;

/// <summary>create, info, list, settings, delete, templates, quota, replicas.</summary>
internal static class LifecycleCommands
{
    public static IEnumerable<Command> Create(CliContext cli)
    {
        yield return CreateCommand.Create(cli);
        yield return Info(cli);
        yield return List(cli);
        yield return Settings(cli);
        yield return Delete(cli);
        yield return Templates(cli);
        yield return Quota(cli);
        yield return Replicas(cli);
    }

    private static Command Info(CliContext cli)
    {
        var space = SpaceArgument();
        var expand = new Option<string[]>("--expand") { Description = "Only these properties (repeatable): runtime, sdk, likes, private, tags, …" };
        var command = new Command("info", "Show a Space: owner, SDK, visibility, dates, tags and runtime.") { space, expand };
        command.SetAction((parse, ct) => ExecuteAsync(cli, parse, async (client, json) =>
        {
            var info = await client.GetSpaceInfoAsync(parse.GetValue(space), parse.GetValue(expand) is { Length: > 0 } e ? e : null, ct).ConfigureAwait(false);
            if (json)
            {
                cli.WriteJson(InfoJson(info));
                return ExitCodes.Success;
            }

            Output.Table(cli, [
                ("space", info.Id.ToString()),
                ("author", info.Author ?? "-"),
                ("sdk", info.Sdk?.ToString() ?? "-"),
                ("visibility", info.Private switch { true => "private", false => "public", null => "-" }),
                ("gated", info.Gated?.ToString().ToLowerInvariant() ?? "-"),
                ("likes", info.Likes?.ToString(CultureInfo.InvariantCulture) ?? "-"),
                ("created", Format.Date(info.CreatedAt)),
                ("modified", Format.Date(info.LastModified)),
                ("tags", info.Tags is { Count: > 0 } tags ? string.Join(", ", tags) : "-"),
                ("stage", info.Runtime is { } r ? cli.Stage(r.Stage) : "-"),
                ("hardware", info.Runtime?.Hardware?.ToString() ?? "-"),
            ]);
            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command List(CliContext cli)
    {
        var author = new Option<string?>("--author") { Description = "Only Spaces of this user or organisation." };
        var search = new Option<string?>("--search") { Description = "Only Spaces whose id contains this text." };
        var filter = new Option<string[]>("--filter") { Description = "Only Spaces with this tag (repeatable)." };
        var sort = new Option<string?>("--sort") { Description = "Newest first by lastModified, trendingScore, createdAt or likes." };
        sort.AcceptOnlyFromAmong("lastModified", "trendingScore", "createdAt", "likes");
        var limit = new Option<int>("--limit") { Description = "At most this many Spaces.", DefaultValueFactory = _ => 50 };
        var runtime = new Option<bool>("--runtime") { Description = "Also show each Space's stage and hardware." };
        var command = new Command("list", "List Spaces.") { author, search, filter, sort, limit, runtime };
        command.SetAction((parse, ct) => ExecuteAsync(cli, parse, async (client, json) =>
        {
            var withRuntime = parse.GetValue(runtime);
            var query = new SpaceListQuery
            {
                Author = parse.GetValue(author),
                Search = parse.GetValue(search),
                Filter = parse.GetValue(filter) is { Length: > 0 } f ? f : null,
                Sort = parse.GetValue(sort),
                Limit = parse.GetValue(limit) is > 0 and var n ? n : throw new ArgumentException("--limit must be a positive number."),
                Expand = withRuntime ? [SpaceExpand.Sdk, SpaceExpand.Private, SpaceExpand.Likes, SpaceExpand.LastModified, SpaceExpand.Runtime] : null,
            };
            var spaces = new List<SpaceInfo>();
            await foreach (var info in client.ListSpacesAsync(query, ct).ConfigureAwait(false))
            {
                spaces.Add(info);
            }

            if (json)
            {
                cli.WriteJson(Json.Array(spaces, InfoJson));
                return ExitCodes.Success;
            }

            if (spaces.Count == 0)
            {
                cli.Out.WriteLine("No Spaces match.");
                return ExitCodes.Success;
            }

            string[] headers = withRuntime ? ["space", "sdk", "visibility", "likes", "stage", "hardware", "modified"] : ["space", "sdk", "visibility", "likes", "created"];
            Output.Columns(cli, headers, spaces.Select(string[] (s) =>
            {
                string[] common = [s.Id.ToString(), s.Sdk?.ToString() ?? "-", s.Private is true ? "private" : "public", s.Likes?.ToString(CultureInfo.InvariantCulture) ?? "-"];
                return withRuntime
                    ? [.. common, s.Runtime?.Stage.ToString() ?? "-", s.Runtime?.Hardware?.ToString() ?? "-", Format.Date(s.LastModified)]
                    : [.. common, Format.Date(s.CreatedAt)];
            }));
            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command Settings(CliContext cli)
    {
        var space = SpaceArgument();
        var visibility = VisibilityOption();
        var gated = new Option<string?>("--gated") { Description = "off, auto (requests approved automatically) or manual." };
        gated.AcceptOnlyFromAmong("off", "auto", "manual");
        var command = new Command("settings", "Change a Space's visibility or gating.") { space, visibility, gated };
        command.SetAction((parse, ct) => ExecuteAsync(cli, parse, async (client, json) =>
        {
            var settings = new SpaceSettings
            {
                Visibility = Visibility(parse.GetValue(visibility)),
                Gated = parse.GetValue(gated) switch { null => null, "off" => SpaceGating.Off, "auto" => SpaceGating.Auto, _ => SpaceGating.Manual },
            };
            if (settings.Visibility is null && settings.Gated is null)
            {
                throw new ArgumentException("Nothing to change: pass --visibility and/or --gated.");
            }

            var id = parse.GetValue(space);
            await client.UpdateSettingsAsync(id, settings, ct).ConfigureAwait(false);
            if (json)
            {
                cli.WriteJson(Json.Object(("space", id.ToString()), ("visibility", settings.Visibility?.ToString()), ("gated", settings.Gated?.ToString().ToLowerInvariant())));
            }
            else
            {
                cli.Out.WriteLine($"Updated {id}:{(settings.Visibility is { } v ? $" visibility {v}" : string.Empty)}{(settings.Gated is { } g ? $" gated {g.ToString().ToLowerInvariant()}" : string.Empty)}.");
            }

            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command Delete(CliContext cli)
    {
        var space = SpaceArgument();
        var yes = new Option<bool>("--yes", "-y") { Description = "Do not ask for confirmation (needed when stdin is not a terminal)." };
        var missingOk = new Option<bool>("--missing-ok") { Description = "A Space that does not exist is not an error." };
        var command = new Command("delete", "Delete a Space and everything in it. Irreversible: asks to type the Space's id unless --yes.") { space, yes, missingOk };
        command.SetAction((parse, ct) => ExecuteAsync(cli, parse, async (client, json) =>
        {
            var id = parse.GetValue(space);
            if (!await cli.ConfirmAsync(
                parse.GetValue(yes),
                $"Deleting {id} removes its files, settings, secrets and variables for good.",
                id.ToString(),
                $"Refusing to delete {id} without confirmation: stdin is not a terminal. Pass --yes to delete it.",
                "Not confirmed: nothing was deleted.",
                ct).ConfigureAwait(false))
            {
                return ExitCodes.Cancelled;
            }

            var deleted = await client.DeleteSpaceAsync(id, parse.GetValue(missingOk), ct).ConfigureAwait(false);
            if (json)
            {
                cli.WriteJson(Json.Object(("space", id.ToString()), ("deleted", deleted)));
            }
            else
            {
                cli.Out.WriteLine(deleted ? $"Deleted {id}." : $"{id} does not exist: nothing to delete.");
            }

            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command Templates(CliContext cli)
    {
        var command = new Command("templates", "List the templates a new Space can start from (create --template).");
        command.SetAction((parse, ct) => ExecuteAsync(cli, parse, async (client, json) =>
        {
            var templates = await client.ListTemplatesAsync(ct).ConfigureAwait(false);
            if (json)
            {
                cli.WriteJson(Json.Array(templates, t => Json.Object(("name", t.Name), ("repoId", t.RepoId), ("sdk", t.Sdk?.ToString()), ("preferredPrivate", t.PreferredPrivate))));
                return ExitCodes.Success;
            }

            Output.Columns(cli, ["template", "name", "sdk", "private"], templates.Select(t => new[] { t.RepoId, t.Name, t.Sdk?.ToString() ?? "-", t.PreferredPrivate ? "preferred" : "-" }));
            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command Quota(CliContext cli)
    {
        var command = new Command("quota", "Show your ZeroGPU quota: GPU time left and when it refills.");
        command.SetAction((parse, ct) => ExecuteAsync(cli, parse, async (client, json) =>
        {
            var quota = await client.GetZeroGpuQuotaAsync(ct).ConfigureAwait(false);
            if (json)
            {
                cli.WriteJson(Json.Object(("baseSeconds", quota.Base.TotalSeconds), ("remainingSeconds", quota.Remaining.TotalSeconds), ("resetsAt", quota.ResetsAt), ("overQuotaUsedSeconds", quota.OverQuotaUsed?.TotalSeconds)));
                return ExitCodes.Success;
            }

            Output.Table(cli, [
                ("remaining", $"{Seconds(quota.Remaining)} of {Seconds(quota.Base)}"),
                ("resets", quota.ResetsAt is { } at ? Format.Date(at) : "-"),
            ]);
            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command Replicas(CliContext cli)
    {
        var space = SpaceArgument();
        var count = new Argument<string>("count") { Description = "A number of replicas, or 'auto' to let the Hub scale (paid hardware only)." };
        var command = new Command("replicas", "Set how many replicas run the Space.") { space, count };
        command.SetAction((parse, ct) => ExecuteAsync(cli, parse, async (client, json) =>
        {
            var id = parse.GetValue(space);
            var value = parse.GetValue(count)!;
            if (value.Equals("auto", StringComparison.OrdinalIgnoreCase))
            {
                await client.SetAutoReplicasAsync(id, ct).ConfigureAwait(false);
            }
            else if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 1)
            {
                await client.SetReplicasAsync(id, n, ct).ConfigureAwait(false);
            }
            else
            {
                throw new ArgumentException($"'{value}' is not a replica count: use a number from 1, or 'auto'.");
            }

            Output.Runtime(cli, id, await client.GetRuntimeAsync(id, ct).ConfigureAwait(false), json);
            return ExitCodes.Success;
        }));
        return command;
    }

    internal static Option<string?> VisibilityOption()
    {
        var visibility = new Option<string?>("--visibility") { Description = "public, private or protected." };
        visibility.AcceptOnlyFromAmong("public", "private", "protected");
        return visibility;
    }

    internal static SpaceVisibility? Visibility(string? value) => value is null ? (SpaceVisibility?)null : SpaceVisibility.Parse(value);

    /// <summary>A secret's value comes from the environment, never from the command line (process lists, shell history).</summary>
    internal static SpaceSecretValue SecretFromEnvironment(string key) =>
        string.IsNullOrWhiteSpace(key) || key.Contains('=', StringComparison.Ordinal)
            ? throw new ArgumentException($"--secret takes a name ('{Terminal.Safe(key.Split('=')[0])}'); its value is read from the environment variable of that name, never from the command line.")
            : Environment.GetEnvironmentVariable(key) is { Length: > 0 } value
                ? new SpaceSecretValue(key, value)
                : throw new ArgumentException($"--secret {key}: the environment variable {key} is not set or empty.");

    internal static SpaceVariableValue Variable(string pair) =>
        pair.IndexOf('=', StringComparison.Ordinal) is > 0 and var equals
            ? new SpaceVariableValue(pair[..equals], pair[(equals + 1)..])
            : throw new ArgumentException($"--variable '{Terminal.Safe(pair)}' is not KEY=VALUE.");

    private static JsonObject InfoJson(SpaceInfo info) => Json.Object(
        ("id", info.Id.ToString()),
        ("author", info.Author),
        ("sdk", info.Sdk?.ToString()),
        ("private", info.Private),
        ("gated", info.Gated?.ToString().ToLowerInvariant()),
        ("likes", info.Likes),
        ("createdAt", info.CreatedAt),
        ("lastModified", info.LastModified),
        ("tags", info.Tags is { } tags ? Json.Strings(tags) : null),
        ("runtime", info.Runtime is { } r ? Output.ToJson(info.Id, r) : null));


    private static string Seconds(TimeSpan value) => value.TotalSeconds % 60 == 0 ? $"{value.TotalMinutes:0} min" : $"{value.TotalSeconds:0.#} s";
}
