using System.CommandLine;
using static HfSpaces.Cli.HfSpacesCli;

namespace HfSpaces.Cli.Commands.Runtime;

/// <summary><c>hf-spaces runtime</c>: Show the Space's stage, hardware, sleep time, storage and domains.</summary>
internal static class RuntimeCommand
{
    public static Command Create(CliContext cli)
    {
        var space = SpaceArgument();
        var command = new Command("runtime", "Show the Space's stage, hardware, sleep time, storage and domains.") { space };
        command.SetAction((parse, ct) => ExecuteAsync(cli, parse, async (client, json) =>
        {
            var id = parse.GetValue(space);
            Output.Runtime(cli, id, await client.GetRuntimeAsync(id, ct).ConfigureAwait(false), json);
            return ExitCodes.Success;
        }));
        return command;
    }
}
