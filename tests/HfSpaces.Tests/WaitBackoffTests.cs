using System.Net;
using Microsoft.Extensions.Time.Testing;

namespace HfSpaces.Tests;

/// <summary>WaitForStageAsync's polling schedule, on a fake clock: no real waiting, no timing in the assertions' way.</summary>
public sealed class WaitBackoffTests
{
    [Fact]
    public async Task Polls_back_off_by_half_each_time_up_to_the_maximum()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 29, 12, 0, 0, TimeSpan.Zero));
        var stages = new Queue<string>(["BUILDING", "BUILDING", "APP_STARTING", "APP_STARTING", "RUNNING"]);
        var polledAt = new List<TimeSpan>();
        var start = clock.GetUtcNow();
        var handler = new StubHandler(_ =>
        {
            polledAt.Add(clock.GetUtcNow() - start);
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent($$"""{"stage":"{{stages.Dequeue()}}"}""") };
        });
        using var http = new HttpClient(handler);
        using var client = new HfSpacesClient(http, new HfSpacesClientOptions { Endpoint = new Uri("https://hub.example.com"), UseImplicitToken = false, TimeProvider = clock });

        var wait = client.WaitForStageAsync("alice/demo", new WaitForStageOptions
        {
            PollInterval = TimeSpan.FromSeconds(2),
            MaxPollInterval = TimeSpan.FromSeconds(4),
            Timeout = TimeSpan.FromMinutes(1),
        });
        while (!wait.IsCompleted)
        {
            await Task.Delay(5);
            clock.Advance(TimeSpan.FromMilliseconds(100));
        }

        Assert.Equal(SpaceStage.Running, (await wait).Stage);
        // Delays of 2 s, 3 s, then 4 s (capped): never shorter; a little longer only by the fake clock's 100 ms steps.
        var intervals = polledAt.Zip(polledAt.Skip(1), (a, b) => (b - a).TotalSeconds).ToArray();
        Assert.Equal(4, intervals.Length);
        var expected = new[] { 2.0, 3.0, 4.0, 4.0 };
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.InRange(intervals[i], expected[i], expected[i] + 0.5);
        }
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
