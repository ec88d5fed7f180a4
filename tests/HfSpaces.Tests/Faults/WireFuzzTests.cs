using System.Collections.Concurrent;
using System.Text;

namespace HfSpaces.Tests.Faults;

/// <summary>
/// Every operation against a server that answers each request with a randomly broken response: whatever arrives, the
/// caller gets a result or an <see cref="HfSpacesException"/>, never another exception, and never a hang.
/// </summary>
public sealed class WireFuzzTests
{
    private const int Calls = 20_000;
    private const int Workers = 8;

    private static readonly int[] Statuses = [200, 200, 200, 201, 204, 301, 302, 303, 307, 308, 400, 401, 403, 404, 409, 416, 429, 499, 500, 502, 503, 504, 599];

    private static readonly string[] Bodies =
    [
        "", "{}", "[]", "null", "{\"stage\":\"RUNNING\"}", "{\"stage\":5}", "{\"stage\":\"\\ud800\"}", "{\"error\":\"\\udc00 x\"}",
        "{\"error\":[\"a\",1,null]}", "{\"errors\":[{\"message\":\"m\"},3]}", "{\"url\":7}", "{\"name\":\"not/a-name\"}", "{\"name\":\"\"}",
        "[{\"name\":null}]", "[{\"name\":\"t4-small\",\"accelerator\":{\"quantity\":[]}}]", "{\"K\":{\"value\":1}}", "{\"K\":{\"value\":\"v\",\"updatedAt\":\"nope\"}}",
        "{\"stage\":\"RUNNING\",\"hardware\":null,\"gcTimeout\":1e99}", "{\"stage\":\"RUNNING\",\"replicas\":{\"requested\":\"auto\"},\"hotReloading\":{\"replicaStatuses\":[[1],[\"a\",2]]}}",
        "[{\"id\":\"a/b\"},{\"id\":7}]", "[{\"id\":\"a/b\",\"gated\":\"x\",\"createdAt\":\"nope\",\"tags\":[1]}]", "{\"id\":\"a/b\",\"runtime\":{\"stage\":5}}",
        "{\"templates\":[{\"name\":\"x\"}]}", "{\"templates\":7}", "{\"base\":1e300,\"current\":-1}", "{\"base\":1,\"current\":1,\"resetsAt\":\"x\"}",
        "<html><title>502</title></html>", "data: {\"data\":\"line\"}\n\ndata: \n", "data: {\"data\":\"\\ud800\"}\n", "{\"stage\":\"RUN", "\u001b[2J\u0007",
    ];

    private static readonly string[] ContentTypes = ["application/json", "text/html", "text/plain", "text/event-stream", "application/octet-stream", "", "application/json; charset=latin1"];

    private static readonly string[] GarbageHeaders =
    [
        "Retry-After: banana", "Retry-After: 99999", "Retry-After: 0", "RateLimit: \"api\";r=0;t=x", "RateLimit: \"api\";r=0;t=0", "X-Error-Code: \u0001\u0002",
        "X-Error-Message: caf\u00e9 \r", "X-Request-Id: ", "Location: http://elsewhere.invalid/x", "Location: /api/spaces/alice/demo/runtime", "Location: ::bad::",
        "Link: <http://elsewhere.invalid/api/spaces>; rel=\"next\"", "Link: </api/spaces?p=1>; rel=next", "Link: <::bad::>; rel=next", "Link: <",
        "Content-Encoding: gzip", "Content-Encoding: br", "Content-Encoding: deflate", "Content-Encoding: zstd", "WWW-Authenticate: Bearer claims=\"e30=\"",
    ];

    private static readonly Func<HfSpacesClient, CancellationToken, Task>[] Operations =
    [
        (c, ct) => c.GetRuntimeAsync("alice/demo", ct),
        (c, ct) => c.RequestHardwareAsync("alice/demo", SpaceHardware.T4Small, TimeSpan.FromHours(1), ct),
        (c, ct) => c.SetSleepTimeAsync("alice/demo", TimeSpan.FromHours(1), ct),
        (c, ct) => c.PauseAsync("alice/demo", ct),
        (c, ct) => c.RestartAsync("alice/demo", factoryReboot: true, ct),
        async (c, ct) =>
        {
            await foreach (var _ in c.StreamLogsAsync("alice/demo", new SpaceLogOptions { IdleTimeout = TimeSpan.FromMilliseconds(200) }, ct))
            {
            }
        },
        (c, ct) => c.ListSecretsAsync("alice/demo", ct),
        (c, ct) => c.SetSecretAsync("alice/demo", "K", "v", "d", ct),
        (c, ct) => c.DeleteSecretAsync("alice/demo", "K", ct),
        (c, ct) => c.ListVariablesAsync("alice/demo", ct),
        (c, ct) => c.SetVariableAsync("alice/demo", "K", "v", null, ct),
        (c, ct) => c.DeleteVariableAsync("alice/demo", "K", ct),
        (c, ct) => c.DuplicateAsync("alice/demo", "copy", new DuplicateSpaceOptions { ExistOk = true }, ct),
        (c, ct) => c.DuplicateAsync("alice/demo", "bob/copy", null, ct),
#pragma warning disable CS0618 // the deprecated storage calls are operations too
        (c, ct) => c.RequestStorageAsync("alice/demo", SpaceStorage.Small, ct),
        (c, ct) => c.DeleteStorageAsync("alice/demo", ct),
#pragma warning restore CS0618
        (c, ct) => c.SetDevModeAsync("alice/demo", true, ct),
        (c, ct) => c.SetVolumesAsync("alice/demo", [new SpaceVolume(SpaceVolumeType.Model, "org/model", "/data")], ct),
        (c, ct) => c.DeleteVolumesAsync("alice/demo", ct),
        (c, ct) => c.ListHardwareAsync(ct),
        (c, ct) => c.WhoAmIAsync(ct),
        (c, ct) => c.CreateSpaceAsync("alice/new", new CreateSpaceOptions { Sdk = SpaceSdk.Gradio, Hardware = SpaceHardware.T4Small, ExistOk = true }, ct),
        (c, ct) => c.GetSpaceInfoAsync("alice/demo", [SpaceExpand.Runtime], ct),
        async (c, ct) =>
        {
            await foreach (var _ in c.ListSpacesAsync(new SpaceListQuery { Limit = 5 }, ct))
            {
            }
        },
        (c, ct) => c.UpdateSettingsAsync("alice/demo", new SpaceSettings { Gated = SpaceGating.Auto }, ct),
        (c, ct) => c.DeleteSpaceAsync("alice/demo", missingOk: true, ct),
        (c, ct) => c.ListTemplatesAsync(ct),
        (c, ct) => c.GetZeroGpuQuotaAsync(ct),
        (c, ct) => c.SetAutoReplicasAsync("alice/demo", ct),
        (c, ct) => c.WaitForStageAsync("alice/demo", new WaitForStageOptions { Timeout = TimeSpan.FromMilliseconds(50), PollInterval = TimeSpan.FromMilliseconds(10), MaxPollInterval = TimeSpan.FromMilliseconds(10) }, ct),
    ];

    [Fact]
    public async Task Twenty_thousand_broken_answers_over_every_operation_yield_only_HfSpacesException()
    {
        var seed = Environment.TickCount;
        var random = new Random(seed);
        var gate = new object();
        await using var server = new ScriptedServer((request, stream, ct) =>
        {
            int kind, status, body, type, header;
            lock (gate)
            {
                (kind, status, body, type, header) = (random.Next(10), random.Next(Statuses.Length), random.Next(Bodies.Length), random.Next(ContentTypes.Length), random.Next(GarbageHeaders.Length));
            }

            return Misbehave(kind, Statuses[status], Bodies[body], ContentTypes[type], GarbageHeaders[header], stream, ct);
        });
        using var client = new HfSpacesClient(new HfSpacesClientOptions
        {
            Endpoint = server.Endpoint,
            Token = "hf_fuzz_token",
            MaxRetries = 1,
            RetryDelay = TimeSpan.Zero,
            MaxRetryDelay = TimeSpan.FromMilliseconds(1),
            PerTryTimeout = TimeSpan.FromSeconds(5),
        });

        var untyped = new ConcurrentQueue<string>();
        var typed = 0;
        var next = -1;
        var workers = Enumerable.Range(0, Workers).Select(w => Task.Run(async () =>
        {
            int call;
            while ((call = Interlocked.Increment(ref next)) < Calls)
            {
                var operation = call % Operations.Length;
                using var hang = new CancellationTokenSource(TimeSpan.FromSeconds(30));
                try
                {
                    await Operations[operation](client, hang.Token);
                }
                catch (HfSpacesException)
                {
                    Interlocked.Increment(ref typed);
                }
                catch (Exception e)
                {
                    untyped.Enqueue($"operation {operation}: {e.GetType().Name}: {e.Message}\n{e.StackTrace}");
                }
            }
        })).ToArray();
        await Task.WhenAll(workers);

        Assert.True(untyped.IsEmpty, $"seed {seed}: {untyped.Count} untyped of {Calls}; first:\n{untyped.FirstOrDefault()}");
        Assert.True(typed > Calls / 4, $"seed {seed}: only {typed} typed failures: the server did not misbehave enough to prove anything");
    }

    private static async Task<bool> Misbehave(int kind, int status, string body, string contentType, string header, Stream stream, CancellationToken ct)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        var type = contentType.Length == 0 ? string.Empty : $"Content-Type: {contentType}\r\n";
        switch (kind)
        {
            case 0: // close without answering
                return false;
            case 1: // a body shorter than promised
                await ScriptedServer.Write(stream, $"HTTP/1.1 {status} X\r\n{type}Content-Length: {bytes.Length + 40}\r\n\r\n", ct);
                await stream.WriteAsync(bytes, ct);
                return false;
            case 2: // chunks that stop
                await ScriptedServer.Write(stream, $"HTTP/1.1 {status} X\r\n{type}Transfer-Encoding: chunked\r\n\r\n{bytes.Length + 1:x}\r\n", ct);
                await stream.WriteAsync(bytes, ct);
                return false;
            case 3: // invalid UTF-8 inside the body
                await ScriptedServer.Write(stream, $"HTTP/1.1 {status} X\r\n{type}Content-Length: {bytes.Length + 2}\r\n\r\n", ct);
                await stream.WriteAsync(bytes.Length > 2 ? bytes[..^2] : bytes, ct);
                await stream.WriteAsync(new byte[] { 0xC3, 0x28, 0xFF, 0xFE }.AsMemory(0, bytes.Length > 2 ? 4 : 2), ct);
                return true;
            case 4: // not even an HTTP status line
                await ScriptedServer.Write(stream, "HTTP/1.1 abc\r\n\r\n", ct);
                return false;
            case 5: // a header line .NET must refuse
                await ScriptedServer.Write(stream, $"HTTP/1.1 {status} X\r\nthis is no header\r\nContent-Length: 0\r\n\r\n", ct);
                return false;
            default: // a well-framed answer with a random status, body, type and a garbage header
                await ScriptedServer.Write(stream, $"HTTP/1.1 {status} X\r\n{type}{header}\r\nContent-Length: {bytes.Length}\r\n\r\n", ct);
                await stream.WriteAsync(bytes, ct);
                return true;
        }
    }
}
