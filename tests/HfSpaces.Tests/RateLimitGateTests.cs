using HfSpaces.Resilience;
using HfSpaces.Tests.Faults;
using Microsoft.Extensions.Time.Testing;

namespace HfSpaces.Tests;

/// <summary>One client's calls share the Hub's rate limit: after a 429 or a spent budget they wait, instead of each earning a 429.</summary>
public sealed class RateLimitGateTests
{
    [Fact]
    public async Task After_a_429_every_call_of_the_client_waits_for_the_reset_before_it_is_sent()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UnixEpoch);
        var first = 1;
        await using var server = new ScriptedServer((r, s, ct) => Interlocked.Exchange(ref first, 0) == 1
            ? ScriptedServer.Answer(s, 429, """{"error":"slow down"}""", ct, headers: "Retry-After: 30")
            : ScriptedServer.Answer(s, 200, """{"stage":"RUNNING"}""", ct));
        using var client = new HfSpacesClient(new HfSpacesClientOptions
        {
            Endpoint = server.Endpoint, Token = "hf_x", UseImplicitToken = false, TimeProvider = clock,
            MaxRetries = 3, RetryDelay = TimeSpan.FromMilliseconds(1), MaxRetryDelay = TimeSpan.FromMinutes(1),
        });

        var a = client.GetRuntimeAsync("alice/a");
        await WaitUntil(() => client.RateLimitResetsIn > TimeSpan.Zero); // the 429 closed the gate
        var others = Enumerable.Range(0, 4).Select(i => client.GetRuntimeAsync($"alice/b{i}")).ToArray();
        await WaitUntil(() => client.Gate!.Waiting == 4); // the four others are held at the gate (a waits out its Retry-After), on the fake clock

        Assert.Single(server.Requests); // nobody else was sent while the budget is spent
        Assert.False(a.IsCompleted);
        clock.Advance(TimeSpan.FromSeconds(30));
        await Task.WhenAll([a, .. others]);

        Assert.Equal(6, server.Requests.Count); // the first, its one retry, and the four others: each sent once after the reset
        Assert.Equal(2, server.Count("GET", "/api/spaces/alice/a/runtime"));
    }

    [Fact]
    public async Task A_spent_budget_announced_on_a_success_fails_the_next_call_unsent_when_the_reset_is_too_far()
    {
        await using var server = new ScriptedServer((r, s, ct) => ScriptedServer.Answer(s, 200, """{"stage":"RUNNING"}""", ct, headers: "RateLimit: \"api\";r=0;t=300"));
        using var client = new HfSpacesClient(new HfSpacesClientOptions
        {
            Endpoint = server.Endpoint, Token = "hf_x", UseImplicitToken = false, MaxRetries = 3, MaxRetryDelay = TimeSpan.FromSeconds(5),
        });

        Assert.Equal(TimeSpan.Zero, client.RateLimitResetsIn);
        await client.GetRuntimeAsync("alice/a");
        Assert.InRange(client.RateLimitResetsIn.TotalSeconds, 299, 300); // what a progress display shows
        var error = await Assert.ThrowsAsync<HfSpacesRateLimitedException>(() => client.PauseAsync("alice/a"));

        Assert.Single(server.Requests);
        Assert.Equal("POST /api/spaces/alice/a/pause was not sent: the Hub's rate limit for this client resets in 300 s, longer than MaxRetryDelay. Retry after 300 s.", error.Message);
        Assert.InRange(error.RetryAfter!.Value.TotalSeconds, 299, 300);
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (!condition())
        {
            await Task.Delay(10, timeout.Token);
        }
    }
}
