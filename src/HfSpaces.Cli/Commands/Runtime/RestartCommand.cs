using System.CommandLine;
using HfSpaces.Cli.Running;
using static HfSpaces.Cli.HfSpacesCli;

namespace HfSpaces.Cli.Commands.Runtime;

/// <summary><c>hf-spaces restart</c>: Restart the Space (also un-pauses it).</summary>
internal static class RestartCommand
{
    internal sealed record Options(SpaceId Space, bool Factory);

    public static Command Create(CliContext cli)
    {
        var space = SpaceArgument();
        var factory = new Option<bool>("--factory") { Description = "Factory reboot: rebuild without cache." };
        return new Command("restart", "Restart the Space (also un-pauses it).") { space, factory }.Runs(
            cli,
            parse => new Options(parse.GetValue(space), parse.GetValue(factory)),
            RunAsync,
            Output.Runtime);
    }

    internal static async Task<SpaceStatus> RunAsync(RunContext run, Options options) =>
        new(options.Space, await run.Client.RestartAsync(options.Space, options.Factory, run.CancellationToken).ConfigureAwait(false));
}
