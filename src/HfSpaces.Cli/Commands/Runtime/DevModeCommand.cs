using System.CommandLine;
using HfSpaces.Cli.Running;
using static HfSpaces.Cli.HfSpacesCli;

namespace HfSpaces.Cli.Commands.Runtime;

/// <summary><c>hf-spaces dev-mode</c>: Turn dev mode on or off (PRO, Team and Enterprise accounts).</summary>
internal static class DevModeCommand
{
    internal sealed record Options(SpaceId Space, bool On);

    public static Command Create(CliContext cli)
    {
        var space = SpaceArgument();
        var state = new Argument<string>("state") { Description = "on or off." };
        state.AcceptOnlyFromAmong("on", "off");
        return new Command("dev-mode", "Turn dev mode on or off (PRO, Team and Enterprise accounts).") { space, state }.Runs(
            cli,
            parse => new Options(parse.GetValue(space), parse.GetValue(state) == "on"),
            RunAsync,
            Output.Runtime);
    }

    internal static async Task<SpaceStatus> RunAsync(RunContext run, Options options) =>
        new(options.Space, await run.Client.SetDevModeAsync(options.Space, options.On, run.CancellationToken).ConfigureAwait(false));
}
