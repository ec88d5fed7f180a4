using System.Net;
using BenchmarkDotNet.Attributes;

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
    private CallProbe.Clients _clients = null!;
    private Func<Task> _floor = null!;
    private Func<Task> _kiota = null!;
    private Func<Task> _nswag = null!;
    private Func<Task> _sdk = null!;

    [Params("GET runtime", "POST hardware", "GET variables")]
    public string Call { get; set; } = "GET runtime";

    [GlobalSetup]
    public void Setup()
    {
        _clients = new CallProbe.Clients(Endpoint, () => new Canned());
        (_floor, _kiota, _nswag, _sdk) = (_clients.Run(Call, "floor"), _clients.Run(Call, "plain Kiota"), _clients.Run(Call, "NSwag"), _clients.Run(Call, "SDK"));
    }

    [GlobalCleanup]
    public void Cleanup() => _clients.Dispose();

    [Benchmark(Baseline = true, Description = "HttpClient + STJ source-gen (floor)")]
    public Task Floor() => _floor();

    [Benchmark(Description = "plain Kiota client")]
    public Task PlainKiota() => _kiota();

    [Benchmark(Description = "NSwag client")]
    public Task NSwagClient() => _nswag();

    [Benchmark(Description = "HfSpacesClient")]
    public Task Sdk() => _sdk();

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
