using HfSpaces.Http;

namespace HfSpaces.Resilience;

/// <summary>
/// One client's shared view of the Hub's rate limit. When any call is answered 429 with a wait (<c>Retry-After</c>,
/// <c>RateLimit: "api";r=0;t=55</c>) or a success says the budget is spent (<c>r=0</c>), the gate closes until the reset,
/// and every call of the client waits before it is sent instead of each one earning its own 429. A wait longer than the
/// caller accepts (<see cref="HfSpacesClientOptions.MaxRetryDelay"/>) is not waited: the call fails at once with an
/// <see cref="HfSpacesRateLimitedException"/> carrying the time left, without being sent (a scheduler waits and resends).
/// </summary>
internal sealed class RateLimitGate(TimeProvider clock)
{
    /// <summary>UTC ticks of the moment the gate opens; 0 = open.</summary>
    private long _opensAt;
    private int _waiting;

    /// <summary>Calls held at the gate right now (what a test waits on instead of sleeping).</summary>
    public int Waiting => Volatile.Read(ref _waiting);

    /// <summary>How long until the gate opens; zero when open.</summary>
    public TimeSpan Remaining
    {
        get
        {
            var left = new DateTimeOffset(Interlocked.Read(ref _opensAt), TimeSpan.Zero) - clock.GetUtcNow();
            return left > TimeSpan.Zero ? left : TimeSpan.Zero;
        }
    }

    /// <summary>Closes the gate for <paramref name="wait"/> from now (never shortens an earlier, longer closing).</summary>
    public void Close(TimeSpan wait)
    {
        if (wait <= TimeSpan.Zero)
        {
            return;
        }

        var until = (clock.GetUtcNow() + wait).UtcTicks;
        long seen;
        while ((seen = Interlocked.Read(ref _opensAt)) < until && Interlocked.CompareExchange(ref _opensAt, until, seen) != seen)
        {
        }
    }

    /// <summary>Waits until the gate opens, or fails at once when that is further away than <paramref name="maxWait"/>.</summary>
    public async ValueTask WaitAsync(HttpRequestMessage request, TimeSpan maxWait, CancellationToken cancellationToken)
    {
        while (Remaining is var left && left > TimeSpan.Zero)
        {
            if (left > maxWait)
            {
                throw HubErrors.NotSent(request, left);
            }

            Interlocked.Increment(ref _waiting);
            try
            {
                await Task.Delay(left, clock, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                Interlocked.Decrement(ref _waiting);
            }
        }
    }

    /// <summary>The wait a success announces: <c>RateLimit</c> with <c>r=0</c> (nothing left) and its <c>t=</c> (seconds to the reset).</summary>
    public static TimeSpan? BudgetSpent(HttpResponseMessage response)
    {
        var (remaining, reset) = RateLimitHeader.Read(response);
        return remaining == 0 && reset is > 0 ? TimeSpan.FromSeconds(reset.Value) : null;
    }
}
