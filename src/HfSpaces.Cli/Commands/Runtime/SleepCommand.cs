using System.CommandLine;
using HfSpaces.Cli.Running;
using static HfSpaces.Cli.Commands.Runtime.RuntimeCommands;
using static HfSpaces.Cli.HfSpacesCli;

namespace HfSpaces.Cli.Commands.Runtime;

/// <summary><c>hf-spaces sleep</c>: Set the sleep time. Prints the sleep time the Hub reports afterwards.</summary>
internal static class SleepCommand
{
    internal sealed record Options(SpaceId Space, TimeSpan SleepTime);

    /// <summary>The runtime after the request, and whether the Hub left the sleep time as it was (cpu-basic).</summary>
    internal sealed record Result(SpaceStatus Status, bool Unchanged);

    public static Command Create(CliContext cli)
    {
        var space = SpaceArgument();
        var seconds = new Argument<TimeSpan>("seconds")
        {
            Description = "Inactivity before the Space sleeps, in seconds, or 'never'. Only upgraded hardware can change it.",
            CustomParser = r => ParseSleep(r.Tokens[0].Value) ?? Fail<TimeSpan>(r, NotASleepTime(r)),
        };
        return new Command("sleep", "Set the sleep time. Prints the sleep time the Hub reports afterwards.") { space, seconds }.Runs(
            cli,
            parse => new Options(parse.GetValue(space), parse.GetValue(seconds)),
            RunAsync,
            Renderer);
    }

    internal static async Task<Result> RunAsync(RunContext run, Options options)
    {
        var runtime = await run.Client.SetSleepTimeAsync(options.Space, options.SleepTime, run.CancellationToken).ConfigureAwait(false);

        // The Hub's rule: on cpu-basic the request succeeds and changes nothing.
        return new Result(new SpaceStatus(options.Space, runtime), runtime.EffectiveHardware == SpaceHardware.CpuBasic && runtime.SleepTime != options.SleepTime);
    }

    internal static Renderer<Result> Renderer { get; } = new()
    {
        Text = static (cli, result) => Output.Runtime.Text(cli, result.Status),
        Json = static result => Output.Runtime.Json!(result.Status),

        // Said instead of a silent success.
        Diagnostics = static result => result.Unchanged
            ? [$"warning: {result.Status.Space} runs on cpu-basic, which always sleeps after 48 h: the sleep time was not changed. Request upgraded hardware first ('hf-spaces hardware {result.Status.Space} FLAVOR --sleep …')."]
            : [],
    };
}
