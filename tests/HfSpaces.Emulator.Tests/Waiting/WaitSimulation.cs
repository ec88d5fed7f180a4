using System.Net;
using System.Text.Json;
using HfSpaces.Emulator.Hosting;
using HfSpaces.Emulator.State;

namespace HfSpaces.Emulator.Tests.Waiting;

/// <summary>What one simulated wait measured, in fake time.</summary>
/// <param name="Building">How long the image built.</param>
/// <param name="AppStarting">How long the application then took to start.</param>
/// <param name="Late">How long after the Space reached RUNNING the wait returned.</param>
/// <param name="Requests">Runtime reads and build-log streams, the first read included.</param>
/// <param name="OneSecondPollingRequests">What reading every second (<c>wait_for_space</c>) makes for the same Space.</param>
internal sealed record WaitOutcome(TimeSpan Building, TimeSpan AppStarting, TimeSpan Late, int Requests, int OneSecondPollingRequests)
{
    public TimeSpan Total => Building + AppStarting;

    /// <summary>Reading every second from 0: the first read at or after the transition sees it.</summary>
    public TimeSpan OneSecondPollingLate => TimeSpan.FromSeconds(Math.Ceiling(Total.TotalSeconds)) - Total;
}

/// <summary>
/// <see cref="HfSpacesClient.WaitForStageAsync"/> against the emulator's Hub state machine, on a fake clock that jumps to
/// the next timer once every party has reacted to the last one: a 10-minute build takes milliseconds, and nothing real
/// about time decides the outcome. The HTTP layer is an in-process handler over the same <see cref="EmulatedHub"/> the
/// emulator's controllers call (runtime JSON as the emulator writes it; a build log that ends when the image is built).
/// </summary>
internal static class WaitSimulation
{
    private const string Token = "hf_alice_sim";

    public static async Task<WaitOutcome> RunAsync(TimeSpan building, TimeSpan appStarting, WaitForStageOptions? options = null)
    {
        var clock = new SteppedClock();
        var hub = new EmulatedHub(new StageTimings(building, appStarting), clock.Hub);
        var alice = hub.AddAccount("alice", Token);
        hub.AddSpace(new SpaceSeed("alice/demo"));
        var start = clock.GetUtcNow();
        hub.RequestHardware(alice, "alice", "demo", "t4-small", null);
        var handler = new SimulatedHub(hub, alice, clock, start + building);
        using var http = new HttpClient(handler);
        using var client = new HfSpacesClient(http, new HfSpacesClientOptions
        {
            Endpoint = new Uri("https://hub.example"),
            Token = Token,
            UseImplicitToken = false,
            TimeProvider = clock.Client,
            PerTryTimeout = Timeout.InfiniteTimeSpan,
        });

        var wait = client.WaitForStageAsync("alice/demo", options ?? new WaitForStageOptions { Timeout = TimeSpan.FromHours(1) });
        await clock.RunUntilAsync(wait, handler);
        var runtime = await wait;
        if (runtime.Stage != SpaceStage.Running)
        {
            throw new InvalidOperationException($"The wait ended {runtime.Stage}.");
        }

        var late = clock.GetUtcNow() - (start + building + appStarting);
        var total = (building + appStarting).TotalSeconds;
        return new WaitOutcome(building, appStarting, late, handler.Requests, (int)Math.Ceiling(total) + 1);
    }

    /// <summary>The Hub's wire, in process: runtime reads and a build log that ends when the build does.</summary>
    internal sealed class SimulatedHub(EmulatedHub hub, EmulatedAccount alice, SteppedClock clock, DateTimeOffset buildEnds) : HttpMessageHandler
    {
        private int _requests;
        private int _streamsOpened;
        private int _streamsParked;
        private int _streamsEnded;

        public int Requests => Volatile.Read(ref _requests);

        public int StreamsEnded => Volatile.Read(ref _streamsEnded);

        /// <summary>Every build log opened is parked on its end or has ended: none is still on its way.</summary>
        public bool StreamsSettled => Volatile.Read(ref _streamsOpened) == Volatile.Read(ref _streamsParked);

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _requests);
            var path = request.RequestUri!.AbsolutePath;
            if (path == "/api/spaces/alice/demo/runtime")
            {
                var json = JsonSerializer.Serialize(hub.Runtime(alice, "alice", "demo"), HubJson.Options);
                return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json") });
            }

            if (path == "/api/spaces/alice/demo/logs/build")
            {
                Interlocked.Increment(ref _streamsOpened);
                var body = new EndsAt(clock, buildEnds, () => Interlocked.Increment(ref _streamsParked), () => Interlocked.Increment(ref _streamsEnded));
                var content = new StreamContent(body);
                content.Headers.ContentType = new("text/event-stream");
                return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = content });
            }

            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.NotFound));
        }
    }

    /// <summary>An event stream that sends nothing and ends at <paramref name="end"/> on the fake clock (at once if that has passed).</summary>
    private sealed class EndsAt(SteppedClock clock, DateTimeOffset end, Action parked, Action ended) : Stream
    {
        private bool _done;

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (!_done)
            {
                var left = end - clock.GetUtcNow();
                var delay = left > TimeSpan.Zero ? Task.Delay(left, clock.Hub, cancellationToken) : Task.CompletedTask;
                parked();
                await delay.ConfigureAwait(false);

                _done = true;
                ended();
            }

            return 0;
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
