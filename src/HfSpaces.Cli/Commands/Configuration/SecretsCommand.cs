using System.CommandLine;
using static HfSpaces.Cli.Commands.Configuration.KeyValueCommands;
using static HfSpaces.Cli.HfSpacesCli;

namespace HfSpaces.Cli.Commands.Configuration;

/// <summary><c>hf-spaces secrets</c>: List, set or delete the Space's secrets (values are write-only).</summary>
internal static class SecretsCommand
{
    public static Command Create(CliContext cli)
    {
        var group = new Command("secrets", "List, set or delete the Space's secrets (values are write-only).");

        var listSpace = SpaceArgument();
        var list = new Command("list", "List secret names, descriptions and update times.") { listSpace };
        list.SetAction((parse, ct) => ExecuteAsync(cli, parse, async (client, json) =>
        {
            var secrets = await client.ListSecretsAsync(parse.GetValue(listSpace), ct).ConfigureAwait(false);
            if (json)
            {
                cli.WriteJson(Json.Array(secrets.Values, s => Json.Object(("key", s.Key), ("description", s.Description), ("updatedAt", s.UpdatedAt))));
            }
            else
            {
                Output.Columns(cli, ["key", "description", "updated"], secrets.Values.OrderBy(s => s.Key, StringComparer.Ordinal)
                    .Select(s => new[] { s.Key, s.Description ?? "-", Format.Date(s.UpdatedAt) }));
            }

            return ExitCodes.Success;
        }));
        group.Subcommands.Add(list);

        var setSpace = SpaceArgument();
        var key = new Argument<string>("key") { Description = "The secret's name." };
        var value = new Option<string?>("--value") { Description = "The value. Without it: a hidden prompt on a terminal, else stdin (safer: not in the shell history)." };
        var description = new Option<string?>("--description") { Description = "A description." };
        var allowEmpty = new Option<bool>("--allow-empty") { Description = "Set an empty value (refused otherwise: usually an unset variable piped in)." };
        var set = new Command("set", "Add or replace a secret.") { setSpace, key, value, description, allowEmpty };
        set.SetAction((parse, ct) => ExecuteAsync(cli, parse, async (client, json) =>
        {
            var id = parse.GetValue(setSpace);
            var name = parse.GetValue(key)!;
            string secret;
            if (parse.GetValue(value) is { } given)
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
                secret = (await cli.In.ReadToEndAsync(ct).ConfigureAwait(false)).TrimEnd('\r', '\n');
            }

            if (secret.Length == 0 && !parse.GetValue(allowEmpty))
            {
                throw new ArgumentException($"The value of {name} is empty (nothing on stdin: an unset variable piped in?), so nothing was sent. Pass --allow-empty to set an empty secret.");
            }

            await client.SetSecretAsync(id, name, secret, parse.GetValue(description), ct).ConfigureAwait(false);
            Done(cli, json, $"Secret {name} set on {id}.", Json.Object(("space", id.ToString()), ("key", name), ("set", true)));
            return ExitCodes.Success;
        }));
        group.Subcommands.Add(set);

        group.Subcommands.Add(Delete(cli, "Delete a secret (an unknown key succeeds).", async (client, id, name, ct) =>
        {
            await client.DeleteSecretAsync(id, name, ct).ConfigureAwait(false);
            return null;
        }));
        return group;
    }
}
