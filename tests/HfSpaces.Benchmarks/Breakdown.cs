using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using HfSpaces.Generated;
using HfSpaces.Http;
using HfSpaces.Mapping;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Http.HttpClientLibrary;
using Microsoft.Kiota.Serialization.Json;

namespace HfSpaces.Benchmarks;

/// <summary>
/// Where a call's client work goes, piece by piece, without the network (best of 2 passes × 5 rounds of 20,000; bytes per operation):
/// the pieces the SDK replaced (Kiota's request builders, Kiota's model of the runtime) beside what replaced them, and the
/// pieces it still takes from Kiota (the adapter's send; the generated models' own Serialize for bodies).
/// </summary>
public static class Breakdown
{
    private static readonly byte[] RuntimeBody = Encoding.UTF8.GetBytes(LoopbackHub.RuntimeJson);

    public static async Task<string> TableAsync()
    {
        var adapter = new HttpClientRequestAdapter(new AnonymousAuthenticationProvider(), httpClient: new HttpClient(new ClientCpuBenchmarks.Canned())) { BaseUrl = "https://hub.invalid" };
        var api = new HfSpacesApiClient(adapter);
        var rows = new List<(string Piece, double Micros, double Bytes)>();
        var seen = new Dictionary<string, int>();

        async Task Measure(string piece, Func<ValueTask> run)
        {
            for (var i = 0; i < 30_000; i++)
            {
                await run();
            }

            var best = double.MaxValue;
            var bytes = double.MaxValue;
            for (var round = 0; round < 5; round++)
            {
                var allocated = GC.GetTotalAllocatedBytes(precise: true);
                var watch = Stopwatch.StartNew();
                for (var i = 0; i < 20_000; i++)
                {
                    await run();
                }

                best = Math.Min(best, watch.Elapsed.TotalMicroseconds / 20_000);
                bytes = Math.Min(bytes, (GC.GetTotalAllocatedBytes(precise: true) - allocated) / 20_000.0);
            }

            if (seen.TryGetValue(piece, out var row))
            {
                rows[row] = (piece, Math.Min(rows[row].Micros, best), Math.Min(rows[row].Bytes, bytes));
            }
            else
            {
                seen[piece] = rows.Count;
                rows.Add((piece, best, bytes));
            }
        }

        // Two passes, the better kept: the first also warms up what the later pieces share.
        for (var pass = 0; pass < 2; pass++)
        {
            var space = SpaceId.Parse("alice/demo");
            var runtimeRequest = new SpaceRequest(static b => b.Runtime.ToGetRequestInformation());
            var calls = new ClientCpuBenchmarks { Call = "GET runtime" };
            calls.Setup();
            await Measure("GET runtime, whole call: floor (HttpClient + STJ source-gen)", async () => await calls.Floor());
            await Measure("GET runtime, whole call: HfSpacesClient", async () => await calls.Sdk());
            var posts = new ClientCpuBenchmarks { Call = "POST hardware" };
            posts.Setup();
            await Measure("POST hardware, whole call: floor", async () => await posts.Floor());
            await Measure("POST hardware, whole call: HfSpacesClient", async () => await posts.Sdk());
            await Measure("request: Kiota's builders + URL template (before)", () =>
            {
                var info = api.Api.Spaces["alice"]["demo"].Runtime.ToGetRequestInformation();
                _ = info.URI;
                return ValueTask.CompletedTask;
            });
            await Measure("request: HttpRequestMessage by hand (floor)", () =>
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, "https://hub.invalid/api/spaces/alice/demo/runtime");
                return ValueTask.CompletedTask;
            });
            await Measure("request: the SDK's template, filled in (now)", () =>
            {
                _ = runtimeRequest.Create(api, "https://hub.invalid", space);
                return ValueTask.CompletedTask;
            });
            await Measure("Kiota adapter: send + hand back the response (no SDK handlers)", async () =>
            {
                var info = new RequestInformation { HttpMethod = Method.GET, URI = new Uri("https://hub.invalid/api/spaces/alice/demo/runtime") };
                var answer = new NativeResponseHandler();
                info.AddRequestOptions([new ResponseHandlerOption { ResponseHandler = answer }]);
                await adapter.SendPrimitiveAsync<Stream>(info);
                ((HttpResponseMessage)answer.Value!).Dispose();
            });
            await Measure("read runtime: STJ source-gen (floor)", () =>
            {
                _ = JsonSerializer.Deserialize(RuntimeBody, FloorJson.Default.FloorRuntime);
                return ValueTask.CompletedTask;
            });
            await Measure("read runtime: Kiota's model + mapping (before)", () =>
            {
                using var document = JsonDocument.Parse(RuntimeBody);
                _ = new JsonParseNode(document.RootElement.Clone()).GetObjectValue(Generated.Models.SpaceRuntime.CreateFromDiscriminatorValue);
                return ValueTask.CompletedTask;
            });
            await Measure("read runtime: straight from the JSON (now)", () =>
            {
                using var document = JsonDocument.Parse(RuntimeBody);
                _ = HubModels.ToRuntime(document);
                return ValueTask.CompletedTask;
            });
            await Measure("body: STJ source-gen (floor)", () =>
            {
                _ = JsonSerializer.SerializeToUtf8Bytes(new FloorHardwareRequest("t4-small", 3600), FloorJson.Default.FloorHardwareRequest);
                return ValueTask.CompletedTask;
            });
            await Measure("body: Kiota's JSON serialization writer, SetContentFromParsable (Kiota's default)", () =>
            {
                var info = new RequestInformation { HttpMethod = Method.POST, URI = new Uri("https://hub.invalid/a") };
                info.SetContentFromParsable(adapter, "application/json", new Generated.Models.HardwareRequest { Flavor = "t4-small", SleepTimeSeconds = 3600 });
                info.Content.Dispose();
                return ValueTask.CompletedTask;
            });
            var sdkAdapter = new HttpClientRequestAdapter(new AnonymousAuthenticationProvider(), serializationWriterFactory: HubJsonWriterFactory.Registry(), httpClient: new HttpClient());
            await Measure("body: SetContentFromParsable with the SDK's writer in the adapter's factory (now)", () =>
            {
                var info = new RequestInformation { HttpMethod = Method.POST, URI = new Uri("https://hub.invalid/a") };
                info.SetContentFromParsable(sdkAdapter, "application/json", new Generated.Models.HardwareRequest { Flavor = "t4-small", SleepTimeSeconds = 3600 });
                info.Content.Dispose();
                return ValueTask.CompletedTask;
            });
        }

        var text = new StringBuilder("| piece | µs | bytes |\n|---|---:|---:|\n");
        foreach (var (piece, micros, bytes) in rows)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"| {piece} | {micros:0.00} | {bytes:N0} |");
        }

        return text.ToString();
    }
}
