using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using HfSpaces.Generated;
using HfSpaces.Http;
using HfSpaces.Resilience;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Http.HttpClientLibrary;

namespace HfSpaces.Benchmarks;

/// <summary>
/// A quick look (seconds, not BenchmarkDotNet's minutes) at client CPU and bytes per call for each client and call, the
/// server in its own process: what guides a change before <see cref="CallBenchmarks"/> confirms it.
/// </summary>
public static class CallProbe
{
    public static async Task<string> RunAsync(int calls = 3000, int callers = 16, int rounds = 7)
    {
        using var hub = RemoteHub.Start();
        RemoteHub.KeepOffTheServersCore();

        using var clients = new Clients(hub.Endpoint);
        var all = clients.All().ToArray();
        var cpu = all.Select(_ => new List<double>()).ToArray();
        var bytes = all.Select(_ => new List<double>()).ToArray();
        var rates = all.Select(_ => new List<double>()).ToArray();
        for (var round = 0; round < rounds; round++)
        {
            // Interleaved rounds, so drift on a shared machine spreads over every client alike.
            for (var c = 0; c < all.Length; c++)
            {
                var run = all[c].Run;
                await RunConcurrentlyAsync(run, 500, callers);
                var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
                var bytesBefore = GC.GetTotalAllocatedBytes(precise: true);
                var watch = Stopwatch.StartNew();
                await RunConcurrentlyAsync(run, calls, callers);
                rates[c].Add(calls / watch.Elapsed.TotalSeconds);
                bytes[c].Add((GC.GetTotalAllocatedBytes(precise: true) - bytesBefore) / (double)calls);
                cpu[c].Add((Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalMicroseconds / calls);
            }
        }

        var text = new StringBuilder().AppendLine(CultureInfo.InvariantCulture, $"{callers} concurrent caller(s), {calls} calls × {rounds} rounds, server in its own process on its own core; median (min–max)").AppendLine();
        text.AppendLine("| call | client | client CPU µs/call | vs floor | bytes/call | vs floor | calls/s | vs floor |").AppendLine("|---|---|---:|---:|---:|---:|---:|---:|");
        for (var c = 0; c < all.Length; c++)
        {
            var floor = Array.FindIndex(all, a => a.Call == all[c].Call);
            text.AppendLine(CultureInfo.InvariantCulture, $"| {all[c].Call} | {all[c].Client} | {Median(cpu[c]):0.0} ({cpu[c].Min():0}–{cpu[c].Max():0}) | {Median(cpu[c]) / Median(cpu[floor]):0.00}× | {Median(bytes[c]):0} | {Median(bytes[c]) / Median(bytes[floor]):0.00}× | {Median(rates[c]):0} | {Median(rates[c]) / Median(rates[floor]):0.00}× |");
        }

        return text.ToString();
    }

    /// <summary>One client's call in a loop for a while: something for a profiler to sample (<c>loop CALL CLIENT SECONDS</c>).</summary>
    public static async Task LoopAsync(string call, string client, TimeSpan duration, int callers = 16)
    {
        using var hub = RemoteHub.Start();
        using var clients = new Clients(hub.Endpoint);
        var run = clients.All().Single(a => a.Call == call && a.Client == client).Run;
        var until = DateTime.UtcNow + duration;
        await Task.WhenAll(Enumerable.Range(0, callers).Select(async _ =>
        {
            while (DateTime.UtcNow < until)
            {
                await run();
            }
        }));
    }

    private static async Task RunConcurrentlyAsync(Func<Task> run, int calls, int callers)
    {
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, callers).Select(async _ =>
        {
            while (Interlocked.Increment(ref next) < calls)
            {
                await run();
            }
        }));
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted[sorted.Length / 2];
    }

    /// <summary>The clients compared, each making the three calls: the floor, plain Kiota and the SDK.</summary>
    internal sealed class Clients : IDisposable
    {
        private readonly HttpClient _http;
        private readonly HfSpacesApiClient _kiota;
        private readonly NSwag.NSwagHubClient _nswag;
        private readonly HfSpacesClient _sdk;
        private readonly SpaceId _space = SpaceId.Parse("alice/demo");

        /// <summary>The clients, over sockets to <paramref name="endpoint"/>, or each over its own <paramref name="transport"/> (the SDK's handler chain in front of it, as in front of its socket pool).</summary>
        public Clients(Uri endpoint, Func<HttpMessageHandler>? transport = null)
        {
            HttpClient Http(Uri? baseAddress, bool authorized)
            {
                var http = transport is null ? new HttpClient() : new HttpClient(transport());
                http.BaseAddress = baseAddress;
                if (authorized)
                {
                    http.DefaultRequestHeaders.Authorization = new("Bearer", "hf_benchmark");
                }

                return http;
            }

            _http = Http(endpoint, authorized: true);
            _kiota = new HfSpacesApiClient(new HttpClientRequestAdapter(new AnonymousAuthenticationProvider(), httpClient: Http(null, authorized: false)) { BaseUrl = endpoint.ToString().TrimEnd('/') });
            _nswag = new NSwag.NSwagHubClient(Http(endpoint, authorized: true));
            var options = new HfSpacesClientOptions { Endpoint = endpoint, Token = "hf_benchmark", UseImplicitToken = false, MaxRetries = 0 };
            if (transport is null)
            {
                _sdk = new HfSpacesClient(options);
                return;
            }

            HttpMessageHandler last = transport();
            foreach (var handler in Enumerable.Reverse(HubPipeline.CreateHandlers(options, Auth.HubCredentials.Resolve(options), new RateLimitGate(TimeProvider.System))))
            {
                handler.InnerHandler = last;
                last = handler;
            }

            _sdk = new HfSpacesClient(new HttpClient(last) { Timeout = Timeout.InfiniteTimeSpan }, endpoint, TimeProvider.System, new RateLimitGate(TimeProvider.System));
        }

        /// <summary>One client's call.</summary>
        public Func<Task> Run(string call, string client) => All().Single(a => a.Call == call && a.Client == client).Run;

        public IEnumerable<(string Call, string Client, Func<Task> Run)> All() =>
        [
            ("GET runtime", "floor", async () => await _http.GetFromJsonAsync("/api/spaces/alice/demo/runtime", FloorJson.Default.FloorRuntime)),
            ("GET runtime", "plain Kiota", async () => await _kiota.Api.Spaces["alice"]["demo"].Runtime.GetAsync()),
            ("GET runtime", "NSwag", async () => await _nswag.GetSpaceRuntimeAsync("alice", "demo", CancellationToken.None)),
            ("GET runtime", "SDK", async () => await _sdk.GetRuntimeAsync(_space)),
            ("POST hardware", "floor", async () =>
            {
                using var response = await _http.PostAsJsonAsync("/api/spaces/alice/demo/hardware", new FloorHardwareRequest("t4-small", 3600), FloorJson.Default.FloorHardwareRequest);
                await response.Content.ReadFromJsonAsync(FloorJson.Default.FloorRuntime);
            }),
            ("POST hardware", "plain Kiota", async () => await _kiota.Api.Spaces["alice"]["demo"].Hardware.PostAsync(new Generated.Models.HardwareRequest { Flavor = "t4-small", SleepTimeSeconds = 3600 })),
            ("POST hardware", "NSwag", async () => await _nswag.RequestSpaceHardwareAsync(new NSwag.HardwareRequest { Flavor = "t4-small", SleepTimeSeconds = 3600 }, "alice", "demo", CancellationToken.None)),
            ("POST hardware", "SDK", async () => await _sdk.RequestHardwareAsync(_space, SpaceHardware.T4Small, TimeSpan.FromHours(1))),
            ("GET variables", "floor", async () => await _http.GetFromJsonAsync("/api/spaces/alice/demo/variables", FloorJson.Default.DictionaryStringFloorVariable)),
            ("GET variables", "plain Kiota", async () => await _kiota.Api.Spaces["alice"]["demo"].Variables.GetAsync()),
            ("GET variables", "NSwag", async () => await _nswag.ListSpaceVariablesAsync("alice", "demo", CancellationToken.None)),
            ("GET variables", "SDK", async () => await _sdk.ListVariablesAsync(_space)),
        ];

        public void Dispose()
        {
            _sdk.Dispose();
            _http.Dispose();
        }
    }
}
