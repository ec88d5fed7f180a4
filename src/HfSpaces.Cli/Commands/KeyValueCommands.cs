using System.Text.Json.Nodes;
using System.CommandLine;
using System.Globalization;
using static HfSpaces.Cli.HfSpacesCli;

namespace HfSpaces.Cli.Commands;

/// <summary>secrets list|set|delete and variables list|set|delete. Secret values are read from --value or stdin and never printed.</summary>
internal static class KeyValueCommands
{
    public static IEnumerable<Command> Create(CliContext cli)
    {
        yield return Secrets(cli);
        yield return Variables(cli);
    }

    private static Command Secrets(CliContext cli)
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

    private static Command Variables(CliContext cli)
    {
        var group = new Command("variables", "List, set or delete the Space's variables.");

        var listSpace = SpaceArgument();
        var list = new Command("list", "List variables with their values.") { listSpace };
        list.SetAction((parse, ct) => ExecuteAsync(cli, parse, async (client, json) =>
        {
            Print(cli, json, await client.ListVariablesAsync(parse.GetValue(listSpace), ct).ConfigureAwait(false));
            return ExitCodes.Success;
        }));
        group.Subcommands.Add(list);

        var setSpace = SpaceArgument();
        var key = new Argument<string>("key") { Description = "The variable's name." };
        var value = new Argument<string>("value") { Description = "Its value." };
        var description = new Option<string?>("--description") { Description = "A description." };
        var set = new Command("set", "Add or replace a variable; prints all variables.") { setSpace, key, value, description };
        set.SetAction((parse, ct) => ExecuteAsync(cli, parse, async (client, json) =>
        {
            Print(cli, json, await client.SetVariableAsync(parse.GetValue(setSpace), parse.GetValue(key)!, parse.GetValue(value)!, parse.GetValue(description), ct).ConfigureAwait(false));
            return ExitCodes.Success;
        }));
        group.Subcommands.Add(set);

        group.Subcommands.Add(Delete(cli, "Delete a variable (an unknown key succeeds); prints the remaining variables.", async (client, id, name, ct) =>
            await client.DeleteVariableAsync(id, name, ct).ConfigureAwait(false)));
        return group;
    }

    private static Command Delete(CliContext cli, string description, Func<HfSpacesClient, SpaceId, string, CancellationToken, Task<IReadOnlyDictionary<string, SpaceVariable>?>> call)
    {
        var space = SpaceArgument();
        var key = new Argument<string>("key") { Description = "The name to delete." };
        var command = new Command("delete", description) { space, key };
        command.SetAction((parse, ct) => ExecuteAsync(cli, parse, async (client, json) =>
        {
            var id = parse.GetValue(space);
            var name = parse.GetValue(key)!;
            var remaining = await call(client, id, name, ct).ConfigureAwait(false);
            if (remaining is null)
            {
                Done(cli, json, $"{name} deleted from {id}.", Json.Object(("space", id.ToString()), ("key", name), ("deleted", true)));
            }
            else
            {
                Print(cli, json, remaining);
            }

            return ExitCodes.Success;
        }));
        return command;
    }

    private static void Print(CliContext cli, bool json, IReadOnlyDictionary<string, SpaceVariable> variables)
    {
        if (json)
        {
            cli.WriteJson(Json.Array(variables.Values, v => Json.Object(("key", v.Key), ("value", v.Value), ("description", v.Description), ("updatedAt", v.UpdatedAt))));
            return;
        }

        Output.Columns(cli, ["key", "value", "description", "updated"], variables.Values.OrderBy(v => v.Key, StringComparer.Ordinal)
            .Select(v => new[] { v.Key, v.Value, v.Description ?? "-", Format.Date(v.UpdatedAt) }));
    }

    private static void Done(CliContext cli, bool json, string text, JsonObject result)
    {
        if (json)
        {
            cli.WriteJson(result);
        }
        else
        {
            cli.Out.WriteLine(text);
        }
    }

}
