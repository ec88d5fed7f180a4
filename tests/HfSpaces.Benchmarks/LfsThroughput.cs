using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace HfSpaces.Benchmarks;

/// <summary>
/// A 1 GiB LFS file over loopback: the SDK's whole <c>CommitAsync</c> (the SHA-256 pass, preupload, the batch, the upload,
/// verify, the commit) against the floor, one bare <c>HttpClient</c> PUT of the same file to the same storage. Each run is
/// a process of its own (its peak RSS is the client's alone, read from <c>/proc/self/status</c>); the storage, in this
/// process, reads and discards the bytes, so it costs both sides the same.
/// </summary>
internal static class LfsThroughput
{
    private const long FileBytes = 1L << 30;
    private const long ChunkBytes = 64L << 20;

    public static async Task<string> TableAsync(int rounds)
    {
        var file = Path.Combine(Path.GetTempPath(), $"hfspaces-lfs-bench-{Environment.ProcessId}.bin");
        await using var sink = await StorageSink.StartAsync();
        try
        {
            WriteFile(file);
            var runs = new Dictionary<string, List<(double Seconds, long PeakRss)>>(StringComparer.Ordinal)
            {
                ["bare"] = [], ["hash-then-put"] = [], ["sdk-basic"] = [], ["sdk-multipart"] = [],
            };
            for (var round = 0; round < rounds; round++)
            {
                foreach (var mode in runs.Keys)
                {
                    runs[mode].Add(await RunClientAsync(mode, sink.Endpoint, file));
                }
            }

            double Median(string mode, Func<(double Seconds, long PeakRss), double> pick) => runs[mode].Select(pick).Order().ElementAt(runs[mode].Count / 2);
            var floor = Median("bare", r => FileBytes / r.Seconds);
            var hashedFloor = Median("hash-then-put", r => FileBytes / r.Seconds);
            var table = new StringBuilder()
                .AppendLine(CultureInfo.InvariantCulture, $"| 1 GiB over loopback (median of {rounds}, a process each) | MiB/s | × bare PUT | × SHA-256 then PUT | peak RSS |")
                .AppendLine("|---|---:|---:|---:|---:|");
            foreach (var (mode, label) in new[]
            {
                ("bare", "bare `HttpClient` PUT of the file (floor 1)"),
                ("hash-then-put", "`SHA256.HashDataAsync` of the file, then the bare PUT (floor 2: what LFS needs)"),
                ("sdk-basic", "`CommitAsync`, basic transfer (hash, preupload, batch, PUT, verify, commit)"),
                ("sdk-multipart", "`CommitAsync`, multipart (16 parts of 64 MiB, 4 at once)"),
            })
            {
                var throughput = Median(mode, r => FileBytes / r.Seconds);
                table.AppendLine(CultureInfo.InvariantCulture, $"| {label} | {throughput / (1 << 20):0} | {throughput / floor:0.00}× | {throughput / hashedFloor:0.00}× | {Median(mode, r => r.PeakRss) / (1 << 20):0} MB |");
            }

            return table.ToString();
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>One client run, in this process: prints "seconds peak-rss-bytes".</summary>
    public static async Task ClientAsync(string mode, Uri endpoint, string file)
    {
        // A warm-up of the same path with 1 MiB first, so the figure is throughput, not start-up and JIT.
        var small = file + $".{mode}.warm";
        await using (var warm = File.Create(small))
        {
            await warm.WriteAsync(new byte[1 << 20]);
        }

        try
        {
            await SendAsync(mode, endpoint, small);
        }
        finally
        {
            File.Delete(small);
        }

        var clock = Stopwatch.StartNew();
        await SendAsync(mode, endpoint, file);
        var seconds = clock.Elapsed.TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{seconds:0.000} {PeakRssBytes()}"));
    }

    private static async Task SendAsync(string mode, Uri endpoint, string file)
    {
        if (mode == "hash-then-put")
        {
            // What the protocol needs before the first byte can go: the SHA-256 that names the object.
            await using var read = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20, FileOptions.Asynchronous | FileOptions.SequentialScan);
            await System.Security.Cryptography.SHA256.HashDataAsync(read);
        }

        if (mode is "bare" or "hash-then-put")
        {
            using var http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
            await using var stream = File.OpenRead(file);
            using var content = new StreamContent(stream);
            using var response = await http.PutAsync(new Uri(endpoint, "storage/bare"), content);
            response.EnsureSuccessStatusCode();
        }
        else
        {
            using var client = new HfSpacesClient(new HfSpacesClientOptions { Endpoint = endpoint, Token = "hf_bench", UseImplicitToken = false });
            var space = mode == "sdk-multipart" ? "alice/multipart" : "alice/basic";
            await client.CommitAsync(space, [SpaceCommitOperation.AddFromFile("weights.bin", file)], "1 GiB");
        }
    }

    private static async Task<(double Seconds, long PeakRss)> RunClientAsync(string mode, Uri endpoint, string file)
    {
        var (output, _) = await ChildProcess.RunAsync(["dotnet", typeof(LfsThroughput).Assembly.Location, "lfs-client", mode, endpoint.ToString(), file]);
        var fields = output.Trim().Split(' ');
        return (double.Parse(fields[0], CultureInfo.InvariantCulture), long.Parse(fields[1], CultureInfo.InvariantCulture));
    }

    /// <summary>VmHWM: the most resident memory the process has had.</summary>
    private static long PeakRssBytes() =>
        File.ReadLines("/proc/self/status").Where(l => l.StartsWith("VmHWM:", StringComparison.Ordinal))
            .Select(l => long.Parse(l["VmHWM:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024).Single();

    private static void WriteFile(string path)
    {
        // Not zeros (a file system may store them sparsely); a NUL in the first bytes, as a binary file has.
        var block = new byte[1 << 20];
        new Random(3).NextBytes(block);
        block[0] = 0;
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20);
        for (long written = 0; written < FileBytes; written += block.Length)
        {
            stream.Write(block);
        }
    }

    /// <summary>Just enough of the Hub for one LFS commit, and a storage that counts bytes and keeps none.</summary>
    private sealed class StorageSink : IAsyncDisposable
    {
        private readonly WebApplication _app;

        private StorageSink(WebApplication app, Uri endpoint)
        {
            _app = app;
            Endpoint = endpoint;
        }

        public Uri Endpoint { get; }

        public static async Task<StorageSink> StartAsync()
        {
            var (app, endpoint) = await LoopbackHub.ServeAsync(Map);
            return new StorageSink(app, endpoint);
        }

        private static void Map(WebApplication app)
        {
            app.MapPost("/api/spaces/{ns}/{name}/preupload/{rev}", () => Results.Text("""{"files":[{"path":"weights.bin","uploadMode":"lfs","shouldIgnore":false}]}""", "application/json"));
            app.MapPost("/spaces/{ns}/{repo}/info/lfs/objects/batch", async (HttpContext context, string repo) =>
            {
                using var reader = new StreamReader(context.Request.Body);
                var request = JsonNode.Parse(await reader.ReadToEndAsync())!;
                var oid = request["objects"]![0]!["oid"]!.GetValue<string>();
                var size = request["objects"]![0]!["size"]!.GetValue<long>();
                var base_ = $"{context.Request.Scheme}://{context.Request.Host}";
                var upload = new JsonObject { ["href"] = $"{base_}/storage/{oid}" };
                var multipart = repo.StartsWith("multipart", StringComparison.Ordinal);
                if (multipart)
                {
                    var header = new JsonObject { ["chunk_size"] = ChunkBytes.ToString(CultureInfo.InvariantCulture) };
                    for (var part = 1; part <= (size + ChunkBytes - 1) / ChunkBytes; part++)
                    {
                        header[part.ToString(CultureInfo.InvariantCulture)] = $"{base_}/storage/{oid}/{part}";
                    }

                    upload["header"] = header;
                }

                var answer = new JsonObject
                {
                    ["transfer"] = multipart ? "multipart" : "basic",
                    ["objects"] = new JsonArray(new JsonObject { ["oid"] = oid, ["size"] = size, ["actions"] = new JsonObject { ["upload"] = upload, ["verify"] = new JsonObject { ["href"] = $"{base_}/verify" } } }),
                };
                return Results.Text(answer.ToJsonString(), "application/vnd.git-lfs+json");
            });
            app.MapPut("/storage/{**rest}", async (HttpContext context) =>
            {
                await context.Request.Body.CopyToAsync(Stream.Null);
                context.Response.Headers.ETag = "\"part\"";
            });
            app.MapPost("/storage/{oid}", async (HttpContext context) => await context.Request.Body.CopyToAsync(Stream.Null));
            app.MapPost("/verify", () => Results.Text("{}", "application/vnd.git-lfs+json"));
            app.MapPost("/api/spaces/{ns}/{name}/commit/{rev}", async (HttpContext context) =>
            {
                await context.Request.Body.CopyToAsync(Stream.Null);
                return Results.Text("""{"commitOid":"9b2f3c1d5e7a9b0c2d4e6f8a0b1c3d5e7f9a1b2c","commitUrl":"http://127.0.0.1/commit"}""", "application/json");
            });
        }

        public async ValueTask DisposeAsync() => await _app.DisposeAsync();
    }
}
