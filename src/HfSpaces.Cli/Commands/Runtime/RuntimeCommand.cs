using System.CommandLine;
using HfSpaces.Cli.Running;
using static HfSpaces.Cli.HfSpacesCli;

namespace HfSpaces.Cli.Commands.Runtime;

/// <summary><c>hf-spaces runtime</c>: Show the Space's stage, hardware, sleep time, storage and domains.</summary>
internal static class RuntimeCommand
{
    public static Command Create(CliContext cli)
    {
        var space = SpaceArgument();
        return new Command("runtime", "Show the Space's stage, hardware, sleep time, storage and domains.") { space }.Runs(
            cli,
            parse => parse.GetValue(space),
            RunAsync,
            Output.Runtime);
    }

    internal static async Task<SpaceStatus> RunAsync(RunContext run, SpaceId space) =>
        new(space, await run.Client.GetRuntimeAsync(space, run.CancellationToken).ConfigureAwait(false));
}
