using System.Net;
using HfSpaces.Resilience;
using Microsoft.Extensions.Time.Testing;

namespace HfSpaces.Tests;

/// <summary>WaitForStageAsync's polling schedule, on a fake clock: no real waiting, no timing in the assertions' way.</summary>
public sealed class WaitBackoffTests
{
    [Fact]
    public void Without_a_build_log_it_reads_every_interval_and_faster_only_on_requests_saved_earlier()
    {
        var schedule = new WaitSchedule(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(10));

        Assert.Equal(TimeSpan.FromSeconds(1), schedule.Next(TimeSpan.Zero, watchingBuildLog: false));
        schedule.Read(TimeSpan.FromSeconds(1));
        Assert.Equal(TimeSpan.FromSeconds(2), schedule.Next(TimeSpan.FromSeconds(1), watchingBuildLog: false));

        // 30 s later with only 2 requests made: every half interval.
        schedule.Read(TimeSpan.FromSeconds(30));
        Assert.Equal(TimeSpan.FromSeconds(30.5), schedule.Next(TimeSpan.FromSeconds(30), watchingBuildLog: false));
        Assert.Equal(3, schedule.Requests);
    }

    [Fact]
    public void While_the_build_log_is_watched_reads_back_off_from_two_intervals_to_the_maximum_and_its_end_reads_within_budget()
    {
        var schedule = new WaitSchedule(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(10));
        schedule.OpenedBuildLog();

        var reads = new List<double>();
        var now = TimeSpan.Zero;
        for (var i = 0; i < 6; i++)
        {
            now = schedule.Next(now, watchingBuildLog: true);
            schedule.Read(now);
            reads.Add(now.TotalSeconds);
        }

        Assert.Equal([2, 6, 14, 24, 34, 44], reads);
        Assert.Equal(8, schedule.Requests);
        Assert.Equal(TimeSpan.FromSeconds(50), schedule.Woken(TimeSpan.FromSeconds(50)));

        // Woken right after a read, with no request saved: waits for the budget.
        var tight = new WaitSchedule(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(10));
        tight.OpenedBuildLog();
        Assert.Equal(TimeSpan.FromSeconds(2), tight.Woken(TimeSpan.FromSeconds(0.3)));
    }

    [Fact]
    public async Task The_timeout_is_measured_on_the_client_clock()
    {
        var clock = new FakeTimeProvider();
        using var http = new HttpClient(StubHandler.Json("""{"stage":"BUILDING"}"""));
        using var client = new HfSpacesClient(http, new HfSpacesClientOptions { Endpoint = new Uri("https://hub.example.com"), UseImplicitToken = false, TimeProvider = clock });

        var wait = client.WaitForStageAsync("alice/demo", new WaitForStageOptions { PollInterval = TimeSpan.FromSeconds(10), MaxPollInterval = TimeSpan.FromSeconds(10), Timeout = TimeSpan.FromMinutes(5) });
        while (!wait.IsCompleted)
        {
            clock.Advance(TimeSpan.FromSeconds(5));
            await Task.Delay(1);
        }

        var error = await Assert.ThrowsAsync<SpaceWaitTimeoutException>(() => wait);
        Assert.Equal("Space alice/demo was still BUILDING after 300 s.", error.Message);
        Assert.InRange(clock.GetUtcNow() - new FakeTimeProvider().GetUtcNow(), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(5.5));
    }
}
