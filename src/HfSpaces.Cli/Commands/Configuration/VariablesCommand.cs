using System.CommandLine;
using HfSpaces.Cli.Running;
using static HfSpaces.Cli.Commands.Configuration.KeyValueCommands;
using static HfSpaces.Cli.HfSpacesCli;

namespace HfSpaces.Cli.Commands.Configuration;

/// <summary><c>hf-spaces variables</c>: List, set or delete the Space's variables.</summary>
internal static class VariablesCommand
{
    internal sealed record SetOptions(SpaceId Space, string Key, string Value, string? Description);

    public static Command Create(CliContext cli)
    {
        var group = new Command("variables", "List, set or delete the Space's variables.");

        var listSpace = SpaceArgument();
        group.Subcommands.Add(new Command("list", "List variables with their values.") { listSpace }.Runs(
            cli,
            parse => parse.GetValue(listSpace),
            static (run, space) => run.Client.ListVariablesAsync(space, run.CancellationToken),
            Variables));

        var setSpace = SpaceArgument();
        var key = new Argument<string>("key") { Description = "The variable's name." };
        var value = new Argument<string>("value") { Description = "Its value." };
        var description = new Option<string?>("--description") { Description = "A description." };
        group.Subcommands.Add(new Command("set", "Add or replace a variable; prints all variables.") { setSpace, key, value, description }.Runs(
            cli,
            parse => new SetOptions(parse.GetValue(setSpace), parse.GetValue(key)!, parse.GetValue(value)!, parse.GetValue(description)),
            static (run, o) => run.Client.SetVariableAsync(o.Space, o.Key, o.Value, o.Description, run.CancellationToken),
            Variables));

        group.Subcommands.Add(Delete(cli, "Delete a variable (an unknown key succeeds); prints the remaining variables.", async (client, id, name, ct) =>
            await client.DeleteVariableAsync(id, name, ct).ConfigureAwait(false)));
        return group;
    }
}
