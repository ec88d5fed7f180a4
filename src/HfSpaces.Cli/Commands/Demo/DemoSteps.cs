using HfSpaces.Cli.Commands.Runtime;

namespace HfSpaces.Cli.Commands.Demo;

/// <summary>
/// The demo's view: it is a story told as it happens, numbered steps with their details, the stages of its waits, and a
/// warning when the Space could not be put back. Text in both modes.
/// </summary>
internal sealed class DemoSteps(CliContext cli)
{
    private int step;

    /// <summary>The stage lines of one wait (<c>  [ 1.0s] RUNNING</c>), timed from its start.</summary>
    public IProgress<SpaceRuntime> Stages() => new StageLines(cli, json: false);

    /// <summary>A line of its own (what the demo will do, what was put back).</summary>
    public void Say(string text) => cli.Out.WriteLine(text);

    /// <summary><c>[ 3] text</c>.</summary>
    public void Step(string text) => cli.Out.WriteLine($"[{++step,2}] {text}");

    /// <summary>Under the last step.</summary>
    public void Detail(string text) => cli.Out.WriteLine($"     {text}");

    /// <summary>A stage as the terminal shows it (in colour when it can).</summary>
    public string Stage(SpaceStage stage) => cli.Stage(stage);

    public Task WarnAsync(string text) => cli.Err.WriteLineAsync("warning: " + text);
}
