namespace HfSpaces;

/// <summary>
/// Runs one piece of Hub work per item — plan, apply, pause a fleet — with bounded parallelism, and reports every item
/// once: succeeded, failed (with its exception) or not started. A failed item never stops the others. When an item is
/// refused for the rate limit (<see cref="HfSpacesRateLimitedException"/>: the Hub did nothing), the scheduler waits
/// the time the Hub asked and runs it again, up to <see cref="MaxRateLimitWaits"/> times; the client it uses makes its
/// other calls wait too, so the workers stop together instead of each earning its own 429. Cancelling stops starting new
/// items; items already started finish (their calls are not cut mid-way: a pause the Hub may have done is reported, not
/// guessed) and are reported as they end — unless <see cref="CancelStartedItems"/> is set, for work that only reads.
/// </summary>
public sealed class HubScheduler
{
    /// <summary>Creates a scheduler.</summary>
    /// <param name="maxParallel">How many items run at once (the Hub's rate limit, not the machine, is the usual bound). Default 8.</param>
    /// <param name="timeProvider">The clock for rate-limit waits (tests pass a fake one).</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxParallel"/> is not between 1 and 256.</exception>
    public HubScheduler(int maxParallel = DefaultMaxParallel, TimeProvider? timeProvider = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxParallel, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxParallel, 256);
        MaxParallel = maxParallel;
        TimeProvider = timeProvider ?? TimeProvider.System;
    }

    /// <summary>The default number of items run at once.</summary>
    public const int DefaultMaxParallel = 8;

    /// <summary>How many items run at once.</summary>
    public int MaxParallel { get; }

    /// <summary>How many times one item is run again after a rate-limit refusal before it is reported failed. Default 5.</summary>
    public int MaxRateLimitWaits { get; init; } = 5;

    /// <summary>
    /// True for work that only reads (plan, export): the work receives the caller's token, so cancelling cuts the calls in
    /// flight instead of waiting for them. False (the default) for writes: a started item gets
    /// <see cref="CancellationToken.None"/> and finishes, so its outcome is known.
    /// </summary>
    public bool CancelStartedItems { get; init; }

    /// <summary>The clock of the rate-limit waits.</summary>
    public TimeProvider TimeProvider { get; }

    /// <summary>Runs <paramref name="work"/> for every item and returns the results in the items' order.</summary>
    /// <param name="items">The items (Spaces, plans…).</param>
    /// <param name="work">The work for one item. It receives <see cref="CancellationToken.None"/> (a started item is never cut mid-call; <paramref name="cancellationToken"/> only stops new items from starting), or with <see cref="CancelStartedItems"/> <paramref name="cancellationToken"/> itself.</param>
    /// <param name="progress">Told about each item as it ends (from any thread).</param>
    /// <param name="cancellationToken">Stops starting new items; started ones finish.</param>
    public async Task<IReadOnlyList<ScheduledResult<TItem, TResult>>> RunAsync<TItem, TResult>(
        IEnumerable<TItem> items,
        Func<TItem, CancellationToken, Task<TResult>> work,
        IProgress<ScheduledResult<TItem, TResult>>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(work);
        var list = items.ToList();
        var results = new ScheduledResult<TItem, TResult>?[list.Count];
        var next = -1;
        var workers = Enumerable.Range(0, Math.Min(MaxParallel, list.Count)).Select(_ => Task.Run(async () =>
        {
            while (!cancellationToken.IsCancellationRequested && Interlocked.Increment(ref next) is var index && index < list.Count)
            {
                var result = await RunOneAsync(list[index], work, cancellationToken).ConfigureAwait(false);
                results[index] = result;
                progress?.Report(result);
            }
        }, CancellationToken.None));
        await Task.WhenAll(workers).ConfigureAwait(false);

        for (var i = 0; i < results.Length; i++)
        {
            results[i] ??= new ScheduledResult<TItem, TResult> { Item = list[i], Status = ScheduledStatus.NotStarted, Value = default, Error = null, RateLimitWaits = 0 };
        }

        return results!;
    }

    private async Task<ScheduledResult<TItem, TResult>> RunOneAsync<TItem, TResult>(TItem item, Func<TItem, CancellationToken, Task<TResult>> work, CancellationToken cancellationToken)
    {
        for (var waits = 0; ; waits++)
        {
            try
            {
                var value = await work(item, CancelStartedItems ? cancellationToken : CancellationToken.None).ConfigureAwait(false);
                return new ScheduledResult<TItem, TResult> { Item = item, Status = ScheduledStatus.Succeeded, Value = value, Error = null, RateLimitWaits = waits };
            }
            catch (HfSpacesRateLimitedException limited) when (waits < MaxRateLimitWaits && !cancellationToken.IsCancellationRequested)
            {
                // The Hub did nothing: wait what it asked (the client's other calls wait as well) and run the item again.
                var wait = limited.RetryAfter is { } asked && asked > TimeSpan.Zero ? asked : TimeSpan.FromSeconds(1);
                try
                {
                    await Task.Delay(wait, TimeProvider, cancellationToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return new ScheduledResult<TItem, TResult> { Item = item, Status = ScheduledStatus.NotStarted, Value = default, Error = limited, RateLimitWaits = waits };
                }
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                return new ScheduledResult<TItem, TResult> { Item = item, Status = ScheduledStatus.Failed, Value = default, Error = e, RateLimitWaits = waits };
            }
        }
    }
}

/// <summary>What happened to one item of a <see cref="HubScheduler"/> run.</summary>
public enum ScheduledStatus
{
    /// <summary>The work ran to the end.</summary>
    Succeeded,

    /// <summary>The work threw; see <see cref="ScheduledResult{TItem, TResult}.Error"/>.</summary>
    Failed,

    /// <summary>Not run: the run was cancelled first (or while the item waited for the rate limit, when nothing was done).</summary>
    NotStarted,
}

/// <summary>One item's outcome.</summary>
/// <typeparam name="TItem">The item.</typeparam>
/// <typeparam name="TResult">What the work returned.</typeparam>
public sealed record ScheduledResult<TItem, TResult>
{
    /// <summary>The item.</summary>
    public required TItem Item { get; init; }

    /// <summary>Succeeded, failed or not started.</summary>
    public required ScheduledStatus Status { get; init; }

    /// <summary>The work's result when it succeeded.</summary>
    public TResult? Value { get; init; }

    /// <summary>Why it failed.</summary>
    public Exception? Error { get; init; }

    /// <summary>How many times it waited for the rate limit and ran again.</summary>
    public int RateLimitWaits { get; init; }
}
