using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace HfSpaces.Benchmarks;

/// <summary>
/// Reading a run log as it streams: the SDK's <c>StreamLogsAsync</c> against a plain line reader (HttpClient +
/// StreamReader.ReadLineAsync, counting <c>data:</c> lines) over the same 64 MiB from a server in its own process: MiB/s,
/// bytes allocated per MiB, and the most memory the process held while reading (a reader that buffered lines would grow).
/// </summary>
public static class LogThroughput
{
    private const int MiB = 64;

    public static async Task<string> TableAsync(int rounds = 3)
    {
        using var hub = RemoteHub.Start();
        using var sdk = new HfSpacesClient(new HfSpacesClientOptions { Endpoint = hub.Endpoint, Token = "hf_benchmark", MaxRetries = 0 });
        using var http = new HttpClient { BaseAddress = hub.Endpoint };
        var url = "api/spaces/alice/demo/logs/run"; // 64 MiB: the server's default, as the SDK sends no size
        var readers = new (string Name, Func<Task<long>> Read)[]
        {
            ("plain line reader (floor)", async () =>
            {
                using var response = await http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead);
                using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(), Encoding.UTF8);
                long lines = 0;
                while (await reader.ReadLineAsync() is { } line)
                {
                    lines += line.StartsWith("data:", StringComparison.Ordinal) ? 1 : 0;
                }

                return lines;
            }),
            ("HfSpacesClient.StreamLogsAsync", async () =>
            {
                long lines = 0;
                var options = new SpaceLogOptions { Follow = true };
                await foreach (var _ in sdk.StreamLogsAsync("alice/demo", options).ConfigureAwait(false))
                {
                    lines++;
                }

                return lines;
            }),
        };

        var text = new StringBuilder().AppendLine(CultureInfo.InvariantCulture, $"{MiB} MiB of run-log events, {rounds} rounds each; median (min–max)").AppendLine();
        text.AppendLine("| reader | lines | MiB/s | vs floor | allocated per MiB | peak GC heap while reading |").AppendLine("|---|---:|---:|---:|---:|---:|");
        double? floor = null;
        foreach (var (name, read) in readers)
        {
            await read(); // warm up
            var speeds = new List<double>();
            long lines = 0, allocated = 0, peak = 0;
            for (var round = 0; round < rounds; round++)
            {
                GC.Collect();
                using var sampler = new PeakHeap();
                var before = GC.GetTotalAllocatedBytes(precise: true);
                var watch = Stopwatch.StartNew();
                lines = await read();
                speeds.Add(MiB / watch.Elapsed.TotalSeconds);
                allocated = (GC.GetTotalAllocatedBytes(precise: true) - before) / MiB;
                peak = Math.Max(peak, sampler.Peak);
            }

            var median = speeds.Order().ElementAt(speeds.Count / 2);
            floor ??= median;
            text.AppendLine(CultureInfo.InvariantCulture, $"| {name} | {lines:N0} | {median:0} ({speeds.Min():0}–{speeds.Max():0}) | {median / floor:0.00}× | {allocated / 1024:N0} KB | {peak / (1024 * 1024.0):0.0} MB |");
        }

        return text.ToString();
    }

    /// <summary>Samples the GC heap size every few milliseconds while alive.</summary>
    private sealed class PeakHeap : IDisposable
    {
        private readonly Timer _timer;
        private long _peak;

        public PeakHeap() => _timer = new Timer(_ => Sample(), null, 0, 5);

        public long Peak
        {
            get
            {
                Sample();
                return Interlocked.Read(ref _peak);
            }
        }

        private void Sample()
        {
            var now = GC.GetTotalMemory(forceFullCollection: false);
            long seen;
            while ((seen = Interlocked.Read(ref _peak)) < now && Interlocked.CompareExchange(ref _peak, now, seen) != seen)
            {
            }
        }

        public void Dispose() => _timer.Dispose();
    }
}
