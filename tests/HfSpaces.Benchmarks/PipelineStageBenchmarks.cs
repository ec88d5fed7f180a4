using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using HfSpaces.Generated;
using HfSpaces.Mapping;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Http.HttpClientLibrary;

namespace HfSpaces.Benchmarks;

/// <summary>
/// Where the SDK's bytes go, without the network: building the request with Kiota, and reading the runtime body
/// (System.Text.Json source-gen floor vs JsonDocument + Kiota parse node + mapping, as the SDK does).
/// </summary>
[MemoryDiagnoser]
public class PipelineStageBenchmarks
{
    private static readonly byte[] Body = Encoding.UTF8.GetBytes(LoopbackHub.RuntimeJson);
    private HttpClientRequestAdapter _adapter = null!;
    private HfSpacesApiClient _api = null!;

    [GlobalSetup]
    public void Setup()
    {
        _adapter = new HttpClientRequestAdapter(new AnonymousAuthenticationProvider(), httpClient: new HttpClient()) { BaseUrl = "http://127.0.0.1:1" };
        _api = new HfSpacesApiClient(_adapter);
    }

    [Benchmark(Baseline = true, Description = "read body: STJ source-gen (floor)")]
    public string ReadFloor() => JsonSerializer.Deserialize(Body, FloorJson.Default.FloorRuntime)!.Stage;

    [Benchmark(Description = "read body: SDK (JsonDocument + Kiota model + mapping)")]
    public string ReadSdk()
    {
        using var document = JsonDocument.Parse(Body);
        return HubModels.ToRuntime(document).Stage.ToString();
    }

    [Benchmark(Description = "build request: HttpRequestMessage by hand")]
    public HttpRequestMessage BuildByHand() => new(HttpMethod.Get, "http://127.0.0.1:1/api/spaces/alice/demo/runtime");

    [Benchmark(Description = "build request: Kiota builders + ConvertToNativeRequestAsync")]
    public async Task<HttpRequestMessage> BuildWithKiota()
    {
        var info = _api.Api.Spaces["alice"]["demo"].Runtime.ToGetRequestInformation();
        return (await _adapter.ConvertToNativeRequestAsync<HttpRequestMessage>(info))!;
    }
}
