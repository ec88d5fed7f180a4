using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using HfSpaces.Emulator;
using HfSpaces.Emulator.Hosting;
using HfSpaces.Emulator.State;

namespace HfSpaces.Benchmarks;

/// <summary>
/// Pausing a fleet of 1,000 Spaces on the emulator: one paged listing with runtimes, then 1,000 pauses through
/// <see cref="HubScheduler"/>. Without a rate limit the time should fall as MaxParallel grows; with one
/// (<see cref="CallsPerSecond"/>), it should stay within 1.2× the limit's floor — (listing pages + 1,000) ÷ rate — and
/// fail nothing. Each iteration gets a fresh emulator (the pauses change its state).
/// dotnet run -c Release --project tests/HfSpaces.Benchmarks -- --filter '*FleetBenchmarks*'
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 3)]
[MemoryDiagnoser]
public class FleetBenchmarks
{
    private const int Spaces = 1000;
    private HfSpacesEmulator _emulator = null!;
    private HfSpacesClient _client = null!;

    /// <summary>Spaces worked on at once.</summary>
    [Params(1, 8, 32)]
    public int MaxParallel { get; set; }

    /// <summary>The emulator's rate limit per token, 0 for none.</summary>
    [Params(0, 250)]
    public int CallsPerSecond { get; set; }

    [IterationSetup]
    public void Setup()
    {
        _emulator = HfSpacesEmulator.StartAsync(new EmulatorOptions
        {
            Timings = StageTimings.Instant,
            MaxRecordedRequests = 0,
            Accounts = new Dictionary<string, string> { ["bench"] = "hf_bench" },
            Spaces = [.. Enumerable.Range(0, Spaces).Select(i => new SpaceSeed($"bench/s{i:D4}", Hardware: "t4-small"))],
            RateLimit = CallsPerSecond > 0 ? new RateLimitRule(CallsPerSecond, TimeSpan.FromSeconds(1)) : null,
        }).GetAwaiter().GetResult();
        _client = new HfSpacesClient(new HfSpacesClientOptions { Endpoint = _emulator.Endpoint, Token = "hf_bench", UseImplicitToken = false });
    }

    [IterationCleanup]
    public void Cleanup()
    {
        _client.Dispose();
        _emulator.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    [Benchmark(Description = "fleet pause: list 1,000 with runtimes, pause them all")]
    public async Task<int> Pause()
    {
        var spaces = await _client.ListFleetAsync(new FleetQuery { Author = "bench" }).ToListAsync();
        var results = await _client.RunFleetAsync(spaces, FleetOperation.Pause(), new HubScheduler(MaxParallel));
        var failed = results.Count(r => r.Outcome != FleetOutcome.Succeeded);
        return failed == 0 && results.Count == Spaces
            ? failed
            : throw new InvalidOperationException($"{failed} of {results.Count} Spaces were not paused ({_emulator.RateLimited} answered 429).");
    }
}
