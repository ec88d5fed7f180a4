using System.Net;
using Microsoft.Extensions.Time.Testing;

namespace HfSpaces.Tests;

public sealed class HubSchedulerTests
{
    [Fact]
    public async Task Runs_exactly_max_parallel_at_once_and_reports_every_item_in_order()
    {
        var running = 0;
        var peak = 0;
        var threeAtOnce = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var scheduler = new HubScheduler(maxParallel: 3);

        var results = await scheduler.RunAsync(Enumerable.Range(0, 20), async (i, _) =>
        {
            var now = Interlocked.Increment(ref running);
            InterlockedMax(ref peak, now);
            if (now == 3)
            {
                threeAtOnce.TrySetResult();
            }

            // The first items hold until three run at the same time: run one by one, this would never end (the timeout fails it).
            await threeAtOnce.Task.WaitAsync(TimeSpan.FromSeconds(10));
            Interlocked.Decrement(ref running);
            return i * 10;
        });

        Assert.Equal(3, peak); // three at once, and never a fourth
        Assert.Equal(Enumerable.Range(0, 20).Select(i => i * 10), results.Select(r => r.Value));
        Assert.All(results, r => Assert.Equal(ScheduledStatus.Succeeded, r.Status));
    }

    [Fact]
    public async Task A_failure_does_not_stop_the_others()
    {
        var results = await new HubScheduler(2).RunAsync(["a", "b", "c"], (s, _) => s == "b" ? throw Error(HttpStatusCode.Forbidden) : Task.FromResult(s.ToUpperInvariant()));

        Assert.Equal([ScheduledStatus.Succeeded, ScheduledStatus.Failed, ScheduledStatus.Succeeded], results.Select(r => r.Status));
        Assert.IsType<HfSpacesException>(results[1].Error);
        Assert.Equal("C", results[2].Value);
    }

    [Fact]
    public async Task A_rate_limited_item_waits_what_the_hub_asked_and_runs_again_once_more()
    {
        var clock = new FakeTimeProvider();
        var calls = 0;
        var scheduler = new HubScheduler(1, clock);

        var calledAt = new List<DateTimeOffset>();
        var run = scheduler.RunAsync([1], (_, _) =>
        {
            lock (calledAt)
            {
                calledAt.Add(clock.GetUtcNow());
            }

            return Interlocked.Increment(ref calls) == 1 ? throw Error(HttpStatusCode.TooManyRequests, TimeSpan.FromSeconds(30)) : Task.FromResult("done");
        });

        // Fake time moves a second at a time until the run ends; the second call must come 30 of them after the first.
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (!run.IsCompleted)
        {
            clock.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(1);
            timeout.Token.ThrowIfCancellationRequested();
        }

        var result = Assert.Single(await run);
        Assert.Equal((ScheduledStatus.Succeeded, "done", 1, 2), (result.Status, result.Value, result.RateLimitWaits, calls));
        Assert.True(calledAt[1] - calledAt[0] >= TimeSpan.FromSeconds(30), $"called again after {calledAt[1] - calledAt[0]}"); // waited what the Hub asked, not hammering
    }

    [Fact]
    public async Task Cancelling_starts_nothing_new_lets_started_work_finish_and_reports_the_rest_not_started()
    {
        using var cancel = new CancellationTokenSource();
        var started = new TaskCompletionSource();
        var release = new TaskCompletionSource();
        var scheduler = new HubScheduler(2);

        var run = scheduler.RunAsync(Enumerable.Range(0, 6), async (i, ct) =>
        {
            if (i == 1)
            {
                started.SetResult();
            }

            await release.Task;
            ct.ThrowIfCancellationRequested(); // the work's token is not the run's: started work is not cut
            return i;
        }, cancellationToken: cancel.Token);
        await started.Task;
        cancel.Cancel();
        release.SetResult();
        var results = await run;

        Assert.Equal([ScheduledStatus.Succeeded, ScheduledStatus.Succeeded], results.Take(2).Select(r => r.Status));
        Assert.All(results.Skip(2), r => Assert.Equal(ScheduledStatus.NotStarted, r.Status));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(257)]
    public void Max_parallel_out_of_range_is_refused(int maxParallel) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new HubScheduler(maxParallel));

    private static HfSpacesException Error(HttpStatusCode status, TimeSpan? retryAfter = null)
    {
        var details = new HfSpacesErrorDetails { Method = "POST", Path = "/api/spaces/a/b/pause", StatusCode = status, ErrorCode = null, ServerMessage = null, RequestId = null, RetryAfter = retryAfter };
        return status == HttpStatusCode.TooManyRequests ? new HfSpacesRateLimitedException("slow down", details) : new HfSpacesException("refused", details);
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while ((seen = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen)
        {
        }
    }
}
