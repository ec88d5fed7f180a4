namespace HfSpaces;

/// <summary>
/// What a fleet costs now, from the list prices <see cref="SpaceHardware"/> carries: the Spaces that run (a paused,
/// sleeping or failed Space is not billed), by hardware and by Space, and the paid Spaces that never sleep.
/// </summary>
public sealed class FleetCost
{
    private FleetCost(IReadOnlyList<(SpaceInfo Space, SpaceHardware Hardware, decimal PerHour)> running)
    {
        Running = running.Select(r => new FleetSpaceCost { Id = r.Space.Id, Hardware = r.Hardware, PerHour = r.PerHour, SleepTime = r.Space.Runtime?.SleepTime }).ToList();
        ByHardware = running.GroupBy(r => r.Hardware).Select(g => new FleetHardwareCost { Hardware = g.Key, Spaces = g.Count(), PerHour = g.Sum(r => r.PerHour) })
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
public sealed record FleetSpaceCost
{
    /// <summary>The Space.</summary>
    public required SpaceId Id { get; init; }

    /// <summary>What it runs on.</summary>
    public required SpaceHardware Hardware { get; init; }

    /// <summary>Its list price per hour, US dollars.</summary>
    public required decimal PerHour { get; init; }

    /// <summary>Its sleep time; null when it never sleeps.</summary>
    public TimeSpan? SleepTime { get; init; }
}

/// <summary>Running Spaces on one hardware flavor.</summary>
public sealed record FleetHardwareCost
{
    /// <summary>The flavor.</summary>
    public required SpaceHardware Hardware { get; init; }

    /// <summary>How many run on it.</summary>
    public int Spaces { get; init; }

    /// <summary>Their list price per hour together.</summary>
    public required decimal PerHour { get; init; }
}
