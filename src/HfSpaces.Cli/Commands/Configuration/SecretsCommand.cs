using System.CommandLine;
using HfSpaces.Cli.Running;
using static HfSpaces.Cli.Commands.Configuration.KeyValueCommands;
using static HfSpaces.Cli.HfSpacesCli;

namespace HfSpaces.Cli.Commands.Configuration;

/// <summary><c>hf-spaces secrets</c>: List, set or delete the Space's secrets (values are write-only).</summary>
internal static class SecretsCommand
{
    /// <summary><see cref="Value"/> null: read it from a hidden prompt on a terminal, else stdin.</summary>
    internal sealed record SetOptions(SpaceId Space, string Key, string? Value, string? Description, bool AllowEmpty)
    {
        // The value never reaches a log through a record's generated text.
        public override string ToString() => $"{Space} {Key}";
    }

    public static Command Create(CliContext cli)
    {
        var group = new Command("secrets", "List, set or delete the Space's secrets (values are write-only).");

        var listSpace = SpaceArgument();
        group.Subcommands.Add(new Command("list", "List secret names, descriptions and update times.") { listSpace }.Runs(
            cli,
            parse => parse.GetValue(listSpace),
            static (run, space) => run.Client.ListSecretsAsync(space, run.CancellationToken),
            Secrets));

        var setSpace = SpaceArgument();
        var key = new Argument<string>("key") { Description = "The secret's name." };
        var value = new Option<string?>("--value") { Description = "The value. Without it: a hidden prompt on a terminal, else stdin (safer: not in the shell history)." };
        var description = new Option<string?>("--description") { Description = "A description." };
        var allowEmpty = new Option<bool>("--allow-empty") { Description = "Set an empty value (refused otherwise: usually an unset variable piped in)." };
        group.Subcommands.Add(new Command("set", "Add or replace a secret.") { setSpace, key, value, description, allowEmpty }.Runs(
            cli,
            parse => new SetOptions(parse.GetValue(setSpace), parse.GetValue(key)!, parse.GetValue(value), parse.GetValue(description), parse.GetValue(allowEmpty)),
            SetAsync,
            KeyChanged(static r => $"Secret {r.Key} set on {r.Space}.", "set")));

        group.Subcommands.Add(Delete(cli, "Delete a secret (an unknown key succeeds).", async (client, id, name, ct) =>
        {
            await client.DeleteSecretAsync(id, name, ct).ConfigureAwait(false);
            return null;
        }));
        return group;
    }

    /// <summary>Reads the value (if not given), refuses an empty one before anything is sent, sets it.</summary>
    internal static async Task<KeyResult> SetAsync(RunContext run, SetOptions options)
    {
        var (cli, name) = (run.Cli, options.Key);
        string secret;
        if (options.Value is { } given)
        {
            secret = given;
        }
        else if (cli.Interactive)
        {
            await cli.Err.WriteAsync($"Value of {name} (hidden): ").ConfigureAwait(false);
            secret = cli.ReadHidden();
            await cli.Err.WriteLineAsync().ConfigureAwait(false);
        }
        else
        {
            secret = (await cli.In.ReadToEndAsync(run.CancellationToken).ConfigureAwait(false)).TrimEnd('\r', '\n');
        }

        if (secret.Length == 0 && !options.AllowEmpty)
        {
            throw new ArgumentException($"The value of {name} is empty (nothing on stdin: an unset variable piped in?), so nothing was sent. Pass --allow-empty to set an empty secret.");
        }

        await run.Client.SetSecretAsync(options.Space, name, secret, options.Description, run.CancellationToken).ConfigureAwait(false);
        return new KeyResult(options.Space, name, null);
    }

    /// <summary>Names, descriptions and times: the Hub never returns a value.</summary>
    internal static Renderer<IReadOnlyDictionary<string, SpaceSecret>> Secrets { get; } = new()
    {
        Text = static (cli, secrets) => Output.Columns(cli, ["key", "description", "updated"], secrets.Values.OrderBy(s => s.Key, StringComparer.Ordinal)
            .Select(s => new[] { s.Key, s.Description ?? "-", Format.Date(s.UpdatedAt) })),
        Json = static secrets => Json.Array(secrets.Values, s => Json.Object(("key", s.Key), ("description", s.Description), ("updatedAt", s.UpdatedAt))),
    };
}
