using System.CommandLine;
using static HfSpaces.Cli.HfSpacesCli;

namespace HfSpaces.Cli.Commands.Runtime;

/// <summary><c>hf-spaces restart</c>: Restart the Space (also un-pauses it).</summary>
internal static class RestartCommand
{
    public static Command Create(CliContext cli)
    {
        var space = SpaceArgument();
        var factory = new Option<bool>("--factory") { Description = "Factory reboot: rebuild without cache." };
        var command = new Command("restart", "Restart the Space (also un-pauses it).") { space, factory };
        command.SetAction((parse, ct) => ExecuteAsync(cli, parse, async (client, json) =>
        {
            var id = parse.GetValue(space);
            Output.Runtime(cli, id, await client.RestartAsync(id, parse.GetValue(factory), ct).ConfigureAwait(false), json);
            return ExitCodes.Success;
        }));
        return command;
    }
}
