using HfSpaces.Emulator.State;

namespace HfSpaces.Emulator.Tests;

/// <summary>Fleet operations through the SDK on the emulator: selection, skips, and what Ctrl-C leaves behind.</summary>
public sealed class FleetOnEmulatorTests : IAsyncLifetime
{
    private HfSpacesEmulator _emulator = null!;
    private HfSpacesClient _client = null!;

    public async Task InitializeAsync()
    {
        _emulator = await HfSpacesEmulator.StartAsync(new EmulatorOptions
        {
            Timings = StageTimings.Instant,
            Accounts = new Dictionary<string, string> { ["alice"] = "hf_alice" },
            Spaces = [.. Enumerable.Range(0, 200).Select(i => new SpaceSeed($"acme/{(i % 2 == 0 ? "demo" : "prod")}-{i:D3}", Sdk: i % 10 == 9 ? "static" : "gradio", Hardware: i % 4 == 0 ? "t4-small" : "cpu-basic"))],
        });
        _emulator.Hub.AddAccount("alice", "hf_alice", "acme");
        _client = new HfSpacesClient(new HfSpacesClientOptions { Endpoint = _emulator.Endpoint, Token = "hf_alice", UseImplicitToken = false, MaxRetries = 0 });
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _emulator.DisposeAsync();
    }

    [Fact]
    public async Task Selectors_filter_by_name_and_hardware_pattern_from_one_paged_listing()
    {
        _emulator.ClearRequests();

        var selected = await _client.ListFleetAsync(new FleetQuery { Author = "acme", Name = "demo-*", Hardware = "T4-*" }).ToListAsync();

        Assert.Equal(50, selected.Count); // i % 4 == 0 is even: every t4-small Space is a demo
        Assert.All(selected, s => Assert.StartsWith("demo-", s.Id.Name, StringComparison.Ordinal));
        Assert.All(_emulator.Requests, r => Assert.Equal("/api/spaces", r.Path)); // no call per Space
        Assert.Equal(2, _emulator.Requests.Count); // 200 Spaces, 100 a page
    }

    [Fact]
    public async Task Static_and_already_paused_spaces_are_skipped_with_the_reason_and_nothing_sent()
    {
        await _client.PauseAsync("acme/demo-000");
        var spaces = await _client.ListFleetAsync(new FleetQuery { Author = "acme", Name = "*-00?" }).ToListAsync();
        _emulator.ClearRequests();

        var results = await _client.RunFleetAsync(spaces, FleetOperation.Pause());

        Assert.Equal(
            [("acme/demo-000", FleetOutcome.Skipped, "already paused"), ("acme/prod-009", FleetOutcome.Skipped, "a static Space has no runtime to change")],
            results.Where(r => r.Outcome != FleetOutcome.Succeeded).Select(r => (r.Space.Id.ToString(), r.Outcome, r.Reason)).OrderBy(r => r.Item1));
        Assert.Equal(8, results.Count(r => r.Outcome == FleetOutcome.Succeeded));
        Assert.Equal(8, _emulator.Requests.Count(r => r.Method == "POST"));
    }

    [Fact]
    public async Task Cancelling_midway_starts_nothing_new_finishes_what_was_sent_and_reports_every_space_once()
    {
        var spaces = await _client.ListFleetAsync(new FleetQuery { Author = "acme", Hardware = "cpu-*" }).ToListAsync();
        using var cancel = new CancellationTokenSource();
        var reported = 0;
        _emulator.ClearRequests();

        var results = await _client.RunFleetAsync(spaces, FleetOperation.Sleep(Timeout.InfiniteTimeSpan), new HubScheduler(4), new Progress(_ =>
        {
            if (Interlocked.Increment(ref reported) == 20)
            {
                cancel.Cancel(); // Ctrl-C
            }
        }), cancel.Token);

        Assert.Equal(spaces.Count, results.Count);
        var done = results.Where(r => r.Outcome is FleetOutcome.Succeeded or FleetOutcome.Skipped).ToList();
        var notStarted = results.Where(r => r.Outcome == FleetOutcome.NotStarted).ToList();
        Assert.InRange(done.Count, 20, 24); // the 20th ended the run; at most the three others in flight finished
        Assert.Equal(spaces.Count, done.Count + notStarted.Count);
        Assert.DoesNotContain(results, r => r.Outcome == FleetOutcome.Failed);
        var sent = _emulator.Requests.Where(r => r.Method == "POST").Select(r => r.Path).ToHashSet();
        Assert.All(notStarted, r => Assert.DoesNotContain($"/api/spaces/{r.Space.Id}/sleeptime", sent));
        Assert.Equal(done.Count(r => r.Outcome == FleetOutcome.Succeeded), sent.Count);
    }

    private sealed class Progress(Action<FleetResult> report) : IProgress<FleetResult>
    {
        public void Report(FleetResult value) => report(value);
    }
}
