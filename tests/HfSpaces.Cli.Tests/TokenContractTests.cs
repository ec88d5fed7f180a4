using HfSpaces.Manifests;

namespace HfSpaces.Cli.Tests;

/// <summary>
/// The token contract: a caller who cancels (Ctrl-C) a plan, an export or a CLI pause sees the calls in flight
/// cancelled — their HTTP requests aborted — not abandoned to finish in the background after the caller has moved on.
/// </summary>
public sealed class TokenContractTests
{
    [Fact]
    public async Task Cancelling_a_plan_cancels_its_calls_in_flight()
    {
        var hub = new HangingHub();
        using var client = hub.Client();
        var manifest = ManifestReader.Parse("spaces:\n  alice/a:\n    hardware: t4-small\n  alice/b:\n    hardware: t4-small\n");
        using var cts = new CancellationTokenSource();

        var plan = ManifestPlanner.PlanAsync(client, manifest, cancellationToken: cts.Token);
        await hub.WaitForRequestsAsync(2);
        cts.Cancel();
        var result = await plan.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.All(result.Spaces, s => Assert.Equal(PlanAction.Failed, s.Action));
        await hub.WaitForCancelledAsync(2);
    }

    [Fact]
    public async Task Cancelling_an_export_cancels_its_calls_in_flight()
    {
        var hub = new HangingHub();
        using var client = hub.Client();
        using var cts = new CancellationTokenSource();

        var export = ManifestExporter.ExportAsync(client, [SpaceId.Parse("alice/a")], cancellationToken: cts.Token);
        await hub.WaitForRequestsAsync(1);
        cts.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => export.WaitAsync(TimeSpan.FromSeconds(10)));
        await hub.WaitForCancelledAsync(hub.Started);
    }

    [Fact]
    public async Task Ctrl_C_during_a_cli_pause_cancels_the_call()
    {
        var hub = new HangingHub();
        using var output = new StringWriter();
        using var error = new StringWriter();
        // The command disposes its client when it returns, which would cancel an abandoned call too: this one outlives it.
        var client = hub.KeptClient();
        try
        {
            var cli = new CliContext(output, error, new StringReader(string.Empty), _ => client);
            using var cts = new CancellationTokenSource();

            var run = HfSpacesCli.RunAsync(["pause", "alice/demo", "--token", "hf_x"], cli, cts.Token);
            await hub.WaitForRequestsAsync(1);
            cts.Cancel();
            var code = await run.WaitAsync(TimeSpan.FromSeconds(10));

            Assert.Equal(ExitCodes.Cancelled, code);
            await hub.WaitForCancelledAsync(1);
        }
        finally
        {
            client.End();
        }
    }

    /// <summary>A client whose owner, not the command that uses it, ends it (<see cref="End"/>).</summary>
    private sealed class KeptClient(HttpClient http, HfSpacesClientOptions options) : HfSpacesClient(http, options)
    {
        public void End() => base.Dispose(disposing: true);

        protected override void Dispose(bool disposing)
        {
        }
    }

    /// <summary>A Hub that never answers and counts the requests it got and those whose sender gave up on them.</summary>
    private sealed class HangingHub : HttpMessageHandler
    {
        private int _started;
        private int _cancelled;

        public int Started => Volatile.Read(ref _started);

        public HfSpacesClient Client() => new(Http(), Options);

        public KeptClient KeptClient() => new(Http(), Options);

        private static HfSpacesClientOptions Options => new() { Endpoint = new Uri("http://127.0.0.1:9"), Token = "hf_x", MaxRetries = 0 };

        private HttpClient Http() => new(this, disposeHandler: false) { Timeout = Timeout.InfiniteTimeSpan };

        public Task WaitForRequestsAsync(int count) => Until(() => Volatile.Read(ref _started) >= count, $"{count} requests");

        public Task WaitForCancelledAsync(int count) => Until(() => Volatile.Read(ref _cancelled) >= count, $"{count} cancelled requests");

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _started);
            try
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                Interlocked.Increment(ref _cancelled);
                throw;
            }

            throw new InvalidOperationException("unreachable");
        }

        private static async Task Until(Func<bool> done, string what)
        {
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
            while (!done())
            {
                Assert.True(DateTime.UtcNow < deadline, $"waited 10 s for {what}");
                await Task.Delay(10);
            }
        }
    }
}
