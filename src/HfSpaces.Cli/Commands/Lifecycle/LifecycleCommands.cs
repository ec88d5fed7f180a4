using System.CommandLine;
using System.Text.Json.Nodes;
using static HfSpaces.Cli.HfSpacesCli;

namespace HfSpaces.Cli.Commands.Lifecycle;

/// <summary>create, info, list, settings, delete, templates, quota, replicas.</summary>
internal static class LifecycleCommands
{
    public static IEnumerable<Command> Create(CliContext cli)
    {
        yield return CreateCommand.Create(cli);
        yield return InfoCommand.Create(cli);
        yield return ListCommand.Create(cli);
        yield return SettingsCommand.Create(cli);
        yield return DeleteCommand.Create(cli);
        yield return TemplatesCommand.Create(cli);
        yield return QuotaCommand.Create(cli);
        yield return ReplicasCommand.Create(cli);
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

    internal static JsonObject InfoJson(SpaceInfo info) => Json.Object(
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
}
