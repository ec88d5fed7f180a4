namespace HfSpaces.Cli.Commands.Runtime;

/// <summary>
/// A wait's view: one line a stage change with the elapsed time, as <c>  [ 12.3s] APP_STARTING (t4-small)</c>; nothing with
/// --json (the result says where it ended).
/// </summary>
internal sealed class StageLines(CliContext cli, bool json) : IProgress<SpaceRuntime>
{
    private readonly DateTimeOffset started = DateTimeOffset.UtcNow;
    private SpaceStage? last;

    public void Report(SpaceRuntime value)
    {
        if (json || value.Stage == last)
        {
            return;
        }

        last = value.Stage;
        cli.Out.WriteLine($"  [{(DateTimeOffset.UtcNow - started).TotalSeconds,5:0.0}s] {cli.Stage(value.Stage)}{(value.RequestedHardware is { } r ? $" ({Terminal.Safe(r.ToString())})" : string.Empty)}");
    }
}
