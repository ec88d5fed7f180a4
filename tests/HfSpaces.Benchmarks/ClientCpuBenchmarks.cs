using System.Net;
using System.Net.Http.Json;
using BenchmarkDotNet.Attributes;
using HfSpaces.Generated;
using HfSpaces.Http;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Http.HttpClientLibrary;

namespace HfSpaces.Benchmarks;

/// <summary>
/// Client CPU per call, without the network: every client sends through an in-memory handler that answers the recorded
/// body at once, so the time measured is the client's own work (building the request, its handlers, reading the answer)
/// and the same canned answer costs every client alike. The SDK runs its whole handler chain in front of that handler,
/// as it does in front of its socket pool. Targets (issue "Performance users feel"): ≤ 1.3× the floor's time, ≤ 3.0× its bytes.
/// </summary>
[MemoryDiagnoser]
public class ClientCpuBenchmarks
{
    private static readonly Uri Endpoint = new("https://hub.invalid");
    private readonly SpaceId _space = SpaceId.Parse("alice/demo");
    private HttpClient _floor = null!;
    private HfSpacesApiClient _kiota = null!;
    private NSwag.NSwagHubClient _nswag = null!;
    private HfSpacesClient _sdk = null!;

    [Params("GET runtime", "POST hardware", "GET variables")]
    public string Call { get; set; } = "GET runtime";

    [GlobalSetup]
    public void Setup()
    {
        _floor = new HttpClient(new Canned()) { BaseAddress = Endpoint };
        _floor.DefaultRequestHeaders.Authorization = new("Bearer", "hf_benchmark");
        _kiota = new HfSpacesApiClient(new HttpClientRequestAdapter(new AnonymousAuthenticationProvider(), httpClient: new HttpClient(new Canned())) { BaseUrl = "https://hub.invalid" });

        var nswagHttp = new HttpClient(new Canned()) { BaseAddress = new Uri("https://hub.invalid/") };
        nswagHttp.DefaultRequestHeaders.Authorization = new("Bearer", "hf_benchmark");
        _nswag = new NSwag.NSwagHubClient(nswagHttp);

        var options = new HfSpacesClientOptions { Endpoint = Endpoint, Token = "hf_benchmark", UseImplicitToken = false, MaxRetries = 0 };
        HttpMessageHandler last = new Canned();
        foreach (var handler in Enumerable.Reverse(HubPipeline.CreateHandlers(options, Auth.HubCredentials.Resolve(options), new RateLimitGate(TimeProvider.System))))
        {
            handler.InnerHandler = last;
            last = handler;
        }

        _sdk = new HfSpacesClient(new HttpClient(last) { Timeout = Timeout.InfiniteTimeSpan }, Endpoint, TimeProvider.System, new RateLimitGate(TimeProvider.System));
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _sdk.Dispose();
        _floor.Dispose();
    }

    [Benchmark(Baseline = true, Description = "HttpClient + STJ source-gen (floor)")]
    public async Task<object?> Floor()
    {
        switch (Call)
        {
            case "GET runtime":
                return await _floor.GetFromJsonAsync("/api/spaces/alice/demo/runtime", FloorJson.Default.FloorRuntime);
            case "POST hardware":
                using (var response = await _floor.PostAsJsonAsync("/api/spaces/alice/demo/hardware", new FloorHardwareRequest("t4-small", 3600), FloorJson.Default.FloorHardwareRequest))
                {
                    return await response.Content.ReadFromJsonAsync(FloorJson.Default.FloorRuntime);
                }

            default:
                return await _floor.GetFromJsonAsync("/api/spaces/alice/demo/variables", FloorJson.Default.DictionaryStringFloorVariable);
        }
    }

    [Benchmark(Description = "plain Kiota client")]
    public async Task<object?> PlainKiota() => Call switch
    {
        "GET runtime" => await _kiota.Api.Spaces["alice"]["demo"].Runtime.GetAsync(),
        "POST hardware" => await _kiota.Api.Spaces["alice"]["demo"].Hardware.PostAsync(new Generated.Models.HardwareRequest { Flavor = "t4-small", SleepTimeSeconds = 3600 }),
        _ => await _kiota.Api.Spaces["alice"]["demo"].Variables.GetAsync(),
    };

    [Benchmark(Description = "NSwag client")]
    public async Task<object?> NSwagClient() => Call switch
    {
        "GET runtime" => await _nswag.GetSpaceRuntimeAsync("alice", "demo", CancellationToken.None),
        "POST hardware" => await _nswag.RequestSpaceHardwareAsync(new NSwag.HardwareRequest { Flavor = "t4-small", SleepTimeSeconds = 3600 }, "alice", "demo", CancellationToken.None),
        _ => await _nswag.ListSpaceVariablesAsync("alice", "demo", CancellationToken.None),
    };

    [Benchmark(Description = "HfSpacesClient")]
    public async Task<object?> Sdk() => Call switch
    {
        "GET runtime" => await _sdk.GetRuntimeAsync(_space),
        "POST hardware" => await _sdk.RequestHardwareAsync(_space, SpaceHardware.T4Small, TimeSpan.FromHours(1)),
        _ => await _sdk.ListVariablesAsync(_space),
    };

    /// <summary>Answers every request at once with the recorded body for its path (a runtime, or the variables).</summary>
    internal sealed class Canned : HttpMessageHandler
    {
        private static readonly byte[] Runtime = System.Text.Encoding.UTF8.GetBytes(LoopbackHub.RuntimeJson);
        private static readonly byte[] Variables = System.Text.Encoding.UTF8.GetBytes(LoopbackHub.VariablesJson);

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var body = request.RequestUri!.AbsolutePath.EndsWith("/variables", StringComparison.Ordinal) ? Variables : Runtime;
            var content = new ByteArrayContent(body);
            content.Headers.ContentType = new("application/json");
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = content, RequestMessage = request });
        }
    }
}
