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
    public const string RuntimeJson = """{"stage":"RUNNING","hardware":{"current":"t4-small","requested":"t4-small"},"storage":null,"gcTimeout":3600,"replicas":{"requested":1,"current":1},"devMode":false,"domains":[{"domain":"alice-demo.hf.space","stage":"READY"}],"sha":"b1d5b3c9a4f0e5c2d1c1b9a8f7e6d5c4b3a29180","sdk":"gradio"}""";

    private readonly WebApplication _app;

    private LoopbackHub(WebApplication app, Uri endpoint)
    {
        _app = app;
        Endpoint = endpoint;
    }

    public Uri Endpoint { get; }

    public static async Task<LoopbackHub> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var body = System.Text.Encoding.UTF8.GetBytes(RuntimeJson);
        app.MapGet("/api/spaces/{ns}/{repo}/runtime", async context =>
        {
            context.Response.ContentType = "application/json";
            await context.Response.Body.WriteAsync(body);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new LoopbackHub(app, new Uri(address));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
