namespace HfSpaces.Emulator.State;

/// <summary>How long a Space stays in each intermediate stage. <see cref="Instant"/> makes the next read RUNNING.</summary>
public sealed record StageTimings(TimeSpan Building, TimeSpan AppStarting)
{
    /// <summary>No delay: the answer to a change shows BUILDING, the next read shows RUNNING.</summary>
    public static StageTimings Instant { get; } = new(TimeSpan.Zero, TimeSpan.Zero);

    /// <summary>The default: quick enough for a demo, slow enough to watch the stages go by.</summary>
    public static StageTimings Fast { get; } = new(TimeSpan.FromMilliseconds(600), TimeSpan.FromMilliseconds(400));
}
