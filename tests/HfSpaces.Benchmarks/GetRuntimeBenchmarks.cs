using System.Net.Http.Json;
using System.Text.Json.Serialization;
using BenchmarkDotNet.Attributes;
using HfSpaces.Generated;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Http.HttpClientLibrary;

namespace HfSpaces.Benchmarks;

/// <summary>
/// GET runtime against a loopback server: the floor (HttpClient + source-generated System.Text.Json), the plain Kiota
/// client the SDK wraps, and the SDK. The server runs in its own process on the last core and the benchmark on the others
/// (as in <see cref="CallProbe"/>): with both in one process on a 2-core machine, the server's threads and the client's
/// fight for the same cores and the ratios swing by ±30 %. Design target: SDK ≤ 1.10× the floor's time.
/// </summary>
[MemoryDiagnoser]
public class GetRuntimeBenchmarks
{
    private RemoteHub _hub = null!;
    private HttpClient _http = null!;
    private HfSpacesApiClient _kiota = null!;
    private HfSpacesClient _sdk = null!;
    private HfSpacesClient _sdkNoTimer = null!;
    private readonly SpaceId _space = SpaceId.Parse("alice/demo");

    [GlobalSetup]
    public void Setup()
    {
        _hub = RemoteHub.Start();
        RemoteHub.KeepOffTheServersCore();
        _http = new HttpClient { BaseAddress = _hub.Endpoint };
        _kiota = new HfSpacesApiClient(new HttpClientRequestAdapter(new AnonymousAuthenticationProvider(), httpClient: new HttpClient()) { BaseUrl = _hub.Endpoint.ToString().TrimEnd('/') });
        _sdk = new HfSpacesClient(new HfSpacesClientOptions { Endpoint = _hub.Endpoint, Token = "hf_benchmark", MaxRetries = 0 });
        _sdkNoTimer = new HfSpacesClient(new HfSpacesClientOptions { Endpoint = _hub.Endpoint, Token = "hf_benchmark", MaxRetries = 0, PerTryTimeout = Timeout.InfiniteTimeSpan });
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _sdk.Dispose();
        _sdkNoTimer.Dispose();
        _http.Dispose();
        _hub.Dispose();
    }

    [Benchmark(Baseline = true, Description = "HttpClient + STJ source-gen (floor)")]
    public async Task<string?> HandWritten()
    {
        var runtime = await _http.GetFromJsonAsync("/api/spaces/alice/demo/runtime", FloorJson.Default.FloorRuntime);
        return runtime!.Stage;
    }

    /// <summary>The floor reading the whole body first, as the SDK does (GetFromJsonAsync streams it).</summary>
    [Benchmark(Description = "HttpClient, body buffered, + STJ source-gen")]
    public async Task<string?> HandWrittenBuffered()
    {
        using var response = await _http.GetAsync("/api/spaces/alice/demo/runtime");
        response.EnsureSuccessStatusCode();
        var runtime = await response.Content.ReadFromJsonAsync(FloorJson.Default.FloorRuntime);
        return runtime!.Stage;
    }

    [Benchmark(Description = "plain Kiota client")]
    public async Task<string?> PlainKiota()
    {
        var runtime = await _kiota.Api.Spaces["alice"]["demo"].Runtime.GetAsync();
        return runtime!.Stage;
    }

    [Benchmark(Description = "HfSpacesClient, no per-try timer")]
    public async Task<string?> SdkWithoutPerTryTimeout()
    {
        var runtime = await _sdkNoTimer.GetRuntimeAsync(_space);
        return runtime.Stage.ToString();
    }

    [Benchmark(Description = "HfSpacesClient")]
    public async Task<string?> Sdk()
    {
        var runtime = await _sdk.GetRuntimeAsync(_space);
        return runtime.Stage.ToString();
    }
}

public sealed record FloorHardware(string? Current, string? Requested);

public sealed record FloorRuntime(string Stage, FloorHardware? Hardware, string? Storage, int? GcTimeout, bool? DevMode);

public sealed record FloorHardwareRequest(string Flavor, int? SleepTimeSeconds);

public sealed record FloorVariable(string Value, string? Description, DateTimeOffset? UpdatedAt);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(FloorRuntime))]
[JsonSerializable(typeof(FloorHardwareRequest))]
[JsonSerializable(typeof(Dictionary<string, FloorVariable>))]
public sealed partial class FloorJson : JsonSerializerContext;
