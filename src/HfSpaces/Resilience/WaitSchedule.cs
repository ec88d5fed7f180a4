namespace HfSpaces.Resilience;

/// <summary>
/// When a wait reads the runtime next. Two rules: never more requests (reads and build-log streams together) than reading
/// every <c>interval</c> since the start would have made by then; and read as soon as that allows — every half interval
/// while the application starts (requests saved earlier pay for it), and right away when the build log ends. While the
/// build log is watched, reads are only a safety net: their gaps double from two intervals up to <c>maxInterval</c>.
/// Times are offsets from the first read. Not thread-safe: one per wait.
/// </summary>
internal sealed class WaitSchedule(TimeSpan interval, TimeSpan maxInterval)
{
    private TimeSpan _lastRead;
    private TimeSpan _safetyGap = Min(interval * 2, maxInterval);

    /// <summary>Requests made so far, the first read included.</summary>
    public int Requests { get; private set; } = 1;

    /// <summary>The earliest time the next request keeps within the budget of reading every interval.</summary>
    public TimeSpan Budgeted => interval * Requests;

    /// <summary>Records a runtime read at <paramref name="at"/>.</summary>
    public void Read(TimeSpan at)
    {
        Requests++;
        _lastRead = at;
    }

    /// <summary>Records opening the build log (a request, counted in the budget like a read).</summary>
    public void OpenedBuildLog() => Requests++;

    /// <summary>When to read next, from <paramref name="now"/>: <paramref name="watchingBuildLog"/> is whether its end will wake the wait.</summary>
    public TimeSpan Next(TimeSpan now, bool watchingBuildLog)
    {
        TimeSpan earliest;
        if (watchingBuildLog)
        {
            earliest = _lastRead + _safetyGap;
            _safetyGap = Min(_safetyGap * 2, maxInterval);
        }
        else
        {
            earliest = _lastRead + interval / 2;
        }

        return Max(Max(earliest, Budgeted), now);
    }

    /// <summary>When to read after the build log ended at <paramref name="now"/>: now, unless that would exceed the budget.</summary>
    public TimeSpan Woken(TimeSpan now) => Max(now, Budgeted);

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
