using System.CommandLine;
using static HfSpaces.Cli.Commands.Configuration.KeyValueCommands;
using static HfSpaces.Cli.HfSpacesCli;

namespace HfSpaces.Cli.Commands.Configuration;

/// <summary><c>hf-spaces variables</c>: List, set or delete the Space's variables.</summary>
internal static class VariablesCommand
{
    public static Command Create(CliContext cli)
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
}
