namespace HfSpaces;

/// <summary>
/// One action applied to every Space of a fleet (<see cref="HfSpacesClient.RunFleetAsync"/>). A Space the action does
/// not apply to is skipped with the reason (already paused, static, cpu-basic's fixed sleep time, already on the
/// flavor), not failed.
/// </summary>
public sealed class FleetOperation
{
    private FleetOperation(string name, Func<SpaceInfo, string?> skip, Func<HfSpacesClient, SpaceId, CancellationToken, Task<SpaceRuntime>> run)
    {
        Name = name;
        SkipReason = skip;
        Run = run;
    }

    /// <summary>What it does, e.g. <c>pause</c>, <c>sleep 1h</c>, <c>hardware t4-small</c>.</summary>
    public string Name { get; }

    private Func<SpaceInfo, string?> SkipReason { get; }

    internal Func<HfSpacesClient, SpaceId, CancellationToken, Task<SpaceRuntime>> Run { get; }

    /// <summary>Why the operation does not apply to <paramref name="space"/> as listed (already paused, static…); null when it applies.</summary>
    public string? WhySkipped(SpaceInfo space)
    {
        ArgumentNullException.ThrowIfNull(space);
        return SkipReason(space);
    }

    /// <summary>Pause (stage PAUSED, not billed).</summary>
    public static FleetOperation Pause() => new(
        "pause",
        s => Static(s) ?? (s.Runtime?.Stage == SpaceStage.Paused ? "already paused" : null),
        (c, id, ct) => c.PauseAsync(id, ct));

    /// <summary>Restart (also un-pauses). Never repeated on a server error: a restart is not idempotent.</summary>
    public static FleetOperation Restart() => new("restart", Static, (c, id, ct) => c.RestartAsync(id, cancellationToken: ct));

    /// <summary>Set the sleep time.</summary>
    public static FleetOperation Sleep(TimeSpan sleepTime)
    {
        _ = HfSpacesClient.Seconds(sleepTime, nameof(sleepTime));
        return new(
            $"sleep {(sleepTime == Timeout.InfiniteTimeSpan ? "never" : sleepTime.ToString())}",
            s => Static(s) ?? (Flavor(s) == SpaceHardware.CpuBasic ? "cpu-basic always sleeps after 48 h" : s.Runtime?.SleepTime == sleepTime ? "already set" : null),
            (c, id, ct) => c.SetSleepTimeAsync(id, sleepTime, ct));
    }

    /// <summary>Request a hardware flavor.</summary>
    public static FleetOperation Hardware(SpaceHardware hardware)
    {
        if (hardware.ToString().Length == 0)
        {
            throw new ArgumentException("The hardware is the default value; use a SpaceHardware member.", nameof(hardware));
        }

        return new(
            $"hardware {hardware}",
            s => Static(s) ?? (Flavor(s) == hardware ? $"already on {hardware}" : null),
            (c, id, ct) => c.RequestHardwareAsync(id, hardware, cancellationToken: ct));
    }

    private static string? Static(SpaceInfo space) => space.Sdk == SpaceSdk.Static ? "a static Space has no runtime to change" : null;

    private static SpaceHardware? Flavor(SpaceInfo space) => space.Runtime?.EffectiveHardware;
}

/// <summary>What happened to one Space of a fleet operation.</summary>
public sealed record FleetResult
{
    /// <summary>The Space as listed.</summary>
    public required SpaceInfo Space { get; init; }

    /// <summary>Done, skipped, failed or not started.</summary>
    public required FleetOutcome Outcome { get; init; }

    /// <summary>Why it was skipped, or the Hub's reason for a failure.</summary>
    public string? Reason { get; init; }

    /// <summary>The runtime the Hub answered, when done.</summary>
    public SpaceRuntime? Runtime { get; init; }
}

/// <summary>The outcome of a fleet operation on one Space.</summary>
public enum FleetOutcome
{
    /// <summary>The Hub accepted it.</summary>
    Succeeded,

    /// <summary>It did not apply (see the reason); nothing was sent.</summary>
    Skipped,

    /// <summary>The Hub refused it or could not be reached.</summary>
    Failed,

    /// <summary>Cancelled before it was sent.</summary>
    NotStarted,
}
