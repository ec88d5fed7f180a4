namespace HfSpaces;

/// <summary>
/// What a fleet costs now, from the list prices <see cref="SpaceHardware"/> carries: the Spaces that run (a paused,
/// sleeping or failed Space is not billed), by hardware and by Space, and the paid Spaces that never sleep.
/// </summary>
public sealed class FleetCost
{
    private FleetCost(IReadOnlyList<(SpaceInfo Space, SpaceHardware Hardware, decimal PerHour)> running)
    {
        Running = running.Select(r => new FleetSpaceCost(r.Space.Id, r.Hardware, r.PerHour, r.Space.Runtime?.SleepTime)).ToList();
        ByHardware = running.GroupBy(r => r.Hardware).Select(g => new FleetHardwareCost(g.Key, g.Count(), g.Sum(r => r.PerHour)))
            .OrderByDescending(h => h.PerHour).ThenBy(h => h.Hardware.ToString(), StringComparer.Ordinal).ToList();
        NeverSleeping = Running.Where(r => r.PerHour > 0 && r.SleepTime is null or { Ticks: < 0 }).ToList();
    }

    /// <summary>Every running Space with its hourly list price.</summary>
    public IReadOnlyList<FleetSpaceCost> Running { get; }

    /// <summary>Running Spaces grouped by hardware, most expensive first.</summary>
    public IReadOnlyList<FleetHardwareCost> ByHardware { get; }

    /// <summary>Paid Spaces with no sleep time: they cost their price every hour of the month.</summary>
    public IReadOnlyList<FleetSpaceCost> NeverSleeping { get; }

    /// <summary>The hourly list price of everything running.</summary>
    public decimal PerHour => Running.Sum(r => r.PerHour);

    /// <summary><see cref="PerHour"/> × 720 hours: the month if nothing slept.</summary>
    public decimal PerMonthIfNeverSleeping => PerHour * 720;

    /// <summary>Unknown flavors (newer than this SDK) are counted at 0 and listed here.</summary>
    public IReadOnlyList<SpaceHardware> UnpricedHardware => Running.Where(r => r.Hardware.PricePerHourUsd is null).Select(r => r.Hardware).Distinct().ToList();

    /// <summary>The cost of the Spaces listed with their runtime.</summary>
    public static FleetCost Of(IEnumerable<SpaceInfo> spaces)
    {
        ArgumentNullException.ThrowIfNull(spaces);
        return new FleetCost([.. spaces
            .Where(s => s.Runtime is { } r && IsBilled(r.Stage) && r.Hardware is not null)
            .Select(s => (s, s.Runtime!.Hardware!.Value, s.Runtime.Hardware.Value.PricePerHourUsd is { } usd ? (decimal)usd : 0m))]);
    }

    /// <summary>Billed: running, or building/starting on top of a running version.</summary>
    private static bool IsBilled(SpaceStage stage) =>
        stage == SpaceStage.Running || stage == SpaceStage.RunningBuilding || stage == SpaceStage.RunningAppStarting;
}

/// <summary>One running Space's cost.</summary>
/// <param name="Id">The Space.</param>
/// <param name="Hardware">What it runs on.</param>
/// <param name="PerHour">Its list price per hour, US dollars.</param>
/// <param name="SleepTime">Its sleep time; null when it never sleeps.</param>
public sealed record FleetSpaceCost(SpaceId Id, SpaceHardware Hardware, decimal PerHour, TimeSpan? SleepTime);

/// <summary>Running Spaces on one hardware flavor.</summary>
/// <param name="Hardware">The flavor.</param>
/// <param name="Spaces">How many run on it.</param>
/// <param name="PerHour">Their list price per hour together.</param>
public sealed record FleetHardwareCost(SpaceHardware Hardware, int Spaces, decimal PerHour);
