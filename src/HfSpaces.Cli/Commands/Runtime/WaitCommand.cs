using System.CommandLine;
using HfSpaces.Cli.Running;
using static HfSpaces.Cli.HfSpacesCli;

namespace HfSpaces.Cli.Commands.Runtime;

/// <summary><c>hf-spaces wait</c>: Wait until the Space leaves BUILDING/APP_STARTING; prints each stage as it changes. Exit code 0 on RUNNING, 7 on an error stage or PAUSED, 6 on timeout.</summary>
internal static class WaitCommand
{
    internal sealed record Options(SpaceId Space, TimeSpan Timeout);

    public static Command Create(CliContext cli)
    {
        var space = SpaceArgument();
        var timeout = new Option<int>("--timeout") { Description = "Give up after this many seconds (exit code 6).", DefaultValueFactory = _ => 600 };
        return new Command("wait", "Wait until the Space leaves BUILDING/APP_STARTING; prints each stage as it changes. Exit code 0 on RUNNING, 7 on an error stage or PAUSED, 6 on timeout.") { space, timeout }.Runs(
            cli,
            parse => new Options(parse.GetValue(space), parse.GetValue(timeout) is > 0 and var seconds ? TimeSpan.FromSeconds(seconds) : throw new ArgumentException("--timeout must be a positive number of seconds.")),
            static (cli, json) => new StageLines(cli, json),
            RunAsync,
            Renderer);
    }

    internal static async Task<SpaceStatus> RunAsync(RunContext run, Options options, IProgress<SpaceRuntime> stages) =>
        new(options.Space, await RuntimeCommands.WaitAsync(run.Client, options.Space, options.Timeout, stages, run.CancellationToken).ConfigureAwait(false));

    /// <summary>The stage lines were the text; JSON is the runtime it ended on. Not RUNNING is exit 7, so 'hardware … &amp;&amp; wait … &amp;&amp; deploy' stops here.</summary>
    internal static Renderer<SpaceStatus> Renderer { get; } = new()
    {
        Text = static (_, _) => { },
        Json = Output.Runtime.Json,
        Diagnostics = static status => status.Runtime.Stage == SpaceStage.Running ? [] : [NotRunning(status)],
        ExitCode = static status => status.Runtime.Stage == SpaceStage.Running ? ExitCodes.Success : ExitCodes.NotRunning,
    };

    /// <summary><c>error: acme/x ended BUILD_ERROR, not RUNNING: …</c></summary>
    internal static string NotRunning(SpaceStatus status) =>
        $"error: {status.Space} ended {Terminal.Safe(status.Runtime.Stage.ToString())}, not RUNNING{(status.Runtime.ErrorMessage is { } message ? $": {Terminal.Safe(message)}" : ".")}";
}
