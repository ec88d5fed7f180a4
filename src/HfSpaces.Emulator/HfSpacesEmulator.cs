using System.Text;
using System.Text.Json;
using HfSpaces.Emulator.Controllers;
using HfSpaces.Emulator.Hosting;
using HfSpaces.Emulator.State;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace HfSpaces.Emulator;

/// <summary>
/// The Hub's Space runtime API, in process, on a loopback port: <c>await using var hub = await HfSpacesEmulator.StartAsync();</c>
/// then point a client at <see cref="Endpoint"/>. Seed accounts and Spaces, inject faults, read the requests it received.
/// </summary>
public sealed class HfSpacesEmulator : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly EmulatorPipeline _pipeline;

    private HfSpacesEmulator(WebApplication app, EmulatedHub hub, EmulatorPipeline pipeline)
    {
        _app = app;
        Hub = hub;
        _pipeline = pipeline;
    }

    /// <summary>The base URL, e.g. <c>http://127.0.0.1:41234</c>.</summary>
    public Uri Endpoint { get; private set; } = null!;

    /// <summary>The emulated state: add accounts and Spaces, change timings, read secrets.</summary>
    public EmulatedHub Hub { get; }

    /// <summary>The rate limit applied to requests from now on; null for none.</summary>
    public RateLimitRule? RateLimit { get => _pipeline.RateLimit; set => _pipeline.RateLimit = value; }

    /// <summary>How many requests were refused for the rate limit (429) so far.</summary>
    public int RateLimited => _pipeline.RateLimited;

    /// <summary>
    /// Requests being answered right now, including ones whose client has already given up (a cut connection): a test
    /// waits for zero before it reads the state those requests may still change.
    /// </summary>
    public int RequestsInFlight => _pipeline.InFlight;

    /// <summary>The requests received so far, in order: the last <see cref="EmulatorOptions.MaxRecordedRequests"/>, secret values redacted.</summary>
    public IReadOnlyList<RecordedRequest> Requests => _pipeline.Requests;

    /// <summary>Starts the emulator and waits until it listens.</summary>
    public static async Task<HfSpacesEmulator> StartAsync(EmulatorOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new EmulatorOptions();
        var hub = new EmulatedHub(options.Timings, options.TimeProvider);
        foreach (var (name, token) in options.Accounts)
        {
            hub.AddAccount(name, token);
        }

        foreach (var space in options.Spaces)
        {
            hub.AddSpace(space);
        }

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ApplicationName = typeof(HfSpacesEmulator).Assembly.GetName().Name });
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{options.Port}");
        // Commits and uploads are bounded by the Hub's own rules (CommitPayload.MaxBytes, the storage limit), which answer
        // a 413 naming the limit; Kestrel's 30 MB default would cut the connection instead.
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = null);
        builder.Services.AddSingleton(hub);
        builder.Services.AddControllers(mvc => mvc.InputFormatters.Insert(0, new PathsInfoFormFormatter()))
            .AddApplicationPart(typeof(HubController).Assembly)
            .AddJsonOptions(json => HubJson.Configure(json.JsonSerializerOptions));
        var app = builder.Build();
        var pipeline = new EmulatorPipeline(hub, options.MaxRecordedRequests, options.TimeProvider) { RateLimit = options.RateLimit };
        var emulator = new HfSpacesEmulator(app, hub, pipeline);
        pipeline.Use(app);
        // Routing after the emulator's own steps, which may rewrite a file path's slashes (RepositoryPaths).
        app.UseRouting();
        app.MapControllers();
        LfsStorage.Map(app, hub);

        // The Hub answers a path it does not serve with a JSON 404, not an empty one.
        app.MapFallback(static _ => throw new HubError(404, "Sorry, we can't find the page you are looking for."));
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        emulator.Endpoint = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal));
        return emulator;
    }

    /// <summary>Injects a fault; it applies to requests received from now on.</summary>
    public void AddFault(FaultRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        _pipeline.AddFault(rule);
    }

    /// <summary>Removes every injected fault.</summary>
    public void ClearFaults() => _pipeline.ClearFaults();

    /// <summary>Forgets the recorded requests.</summary>
    public void ClearRequests() => _pipeline.ClearRequests();

    /// <summary>How much of a request body <see cref="Requests"/> keeps, in characters (a longer one is cut and ends with "…").</summary>
    public const int MaxRecordedBodyChars = RequestLog.MaxBodyChars;

    /// <summary>Stops listening.</summary>
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
