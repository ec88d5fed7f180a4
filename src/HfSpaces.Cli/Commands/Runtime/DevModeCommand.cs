using System.CommandLine;
using static HfSpaces.Cli.HfSpacesCli;

namespace HfSpaces.Cli.Commands.Runtime;

/// <summary><c>hf-spaces dev-mode</c>: Turn dev mode on or off (PRO, Team and Enterprise accounts).</summary>
internal static class DevModeCommand
{
    public static Command Create(CliContext cli)
    {
        var space = SpaceArgument();
        var state = new Argument<string>("state") { Description = "on or off." };
        state.AcceptOnlyFromAmong("on", "off");
        var command = new Command("dev-mode", "Turn dev mode on or off (PRO, Team and Enterprise accounts).") { space, state };
        command.SetAction((parse, ct) => ExecuteAsync(cli, parse, async (client, json) =>
        {
            var id = parse.GetValue(space);
            Output.Runtime(cli, id, await client.SetDevModeAsync(id, parse.GetValue(state) == "on", ct).ConfigureAwait(false), json);
            return ExitCodes.Success;
        }));
        return command;
    }
}
