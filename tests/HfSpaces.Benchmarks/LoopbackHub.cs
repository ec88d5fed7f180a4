using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace HfSpaces.Benchmarks;

/// <summary>A Kestrel server on loopback answering the recorded runtime body, so every client pays the same network cost.</summary>
internal sealed class LoopbackHub : IAsyncDisposable
{
    public const string VariablesJson = """{"MODEL_ID":{"value":"openai/whisper-large-v3","description":"the checkpoint","updatedAt":"2025-03-07T12:24:18.657Z"},"BATCH":{"value":"8","updatedAt":"2025-03-07T12:24:18.657Z"},"LANG":{"value":"en","updatedAt":"2025-03-07T12:24:19.001Z"}}""";

    public const string RuntimeJson = """{"stage":"RUNNING","hardware":{"current":"t4-small","requested":"t4-small"},"storage":null,"gcTimeout":3600,"replicas":{"requested":1,"current":1},"devMode":false,"domains":[{"domain":"alice-demo.hf.space","stage":"READY"}],"sha":"b1d5b3c9a4f0e5c2d1c1b9a8f7e6d5c4b3a29180","sdk":"gradio"}""";

    private readonly WebApplication _app;

    private LoopbackHub(WebApplication app, Uri endpoint)
    {
        _app = app;
        Endpoint = endpoint;
    }

    public Uri Endpoint { get; }

    /// <summary>A Kestrel server on a free loopback port with the routes <paramref name="map"/> adds (no body size limit), started.</summary>
    public static async Task<(WebApplication App, Uri Endpoint)> ServeAsync(Action<WebApplication> map)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = null);
        var app = builder.Build();
        map(app);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return (app, new Uri(address.EndsWith('/') ? address : address + "/"));
    }

    public static async Task<LoopbackHub> StartAsync()
    {
        var (app, endpoint) = await ServeAsync(Map);
        return new LoopbackHub(app, endpoint);
    }

    private static void Map(WebApplication app)
    {
        var body = System.Text.Encoding.UTF8.GetBytes(RuntimeJson);
        var variables = System.Text.Encoding.UTF8.GetBytes(VariablesJson);
        app.MapGet("/api/spaces/{ns}/{repo}/runtime", async context =>
        {
            context.Response.ContentType = "application/json";
            await context.Response.Body.WriteAsync(body);
        });
        app.MapPost("/api/spaces/{ns}/{repo}/hardware", async context =>
        {
            // The body is read as the Hub would, then the runtime answered.
            await context.Request.Body.CopyToAsync(Stream.Null);
            context.Response.ContentType = "application/json";
            await context.Response.Body.WriteAsync(body);
        });
        // ?mb=N (default 64): N MiB of run-log events, as the Hub sends them, then the end of the stream.
        app.MapGet("/api/spaces/{ns}/{repo}/logs/{type}", async context =>
        {
            var mb = int.Parse(context.Request.Query["mb"].FirstOrDefault() ?? "64", System.Globalization.CultureInfo.InvariantCulture);
            context.Response.ContentType = "text/event-stream";
            var chunk = new System.Text.StringBuilder();
            for (var i = 0; chunk.Length < 64 * 1024; i++)
            {
                chunk.Append("data: {\"data\":\"INFO:     10.16.").Append(i % 250).Append(".7:41822 - \\\"GET /api/predict HTTP/1.1\\\" 200 OK\\n\",\"timestamp\":\"2025-03-07T12:24:18.657Z\"}\n\n");
            }

            var bytes = System.Text.Encoding.UTF8.GetBytes(chunk.ToString());
            for (long sent = 0; sent < mb * 1024L * 1024; sent += bytes.Length)
            {
                await context.Response.Body.WriteAsync(bytes);
            }
        });
        app.MapGet("/api/spaces/{ns}/{repo}/variables", async context =>
        {
            context.Response.ContentType = "application/json";
            await context.Response.Body.WriteAsync(variables);
        });
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
