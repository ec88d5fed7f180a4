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
    private readonly RequestLog _requests;
    private readonly List<FaultRule> _faults = [];
    private readonly Dictionary<string, (long Window, int Count)> _budgets = new(StringComparer.Ordinal);
    private TimeProvider _clock = TimeProvider.System;
    private int _requestCounter;

    private HfSpacesEmulator(WebApplication app, EmulatedHub hub, int maxRecordedRequests)
    {
        _app = app;
        Hub = hub;
        _requests = new RequestLog(maxRecordedRequests);
    }

    /// <summary>The base URL, e.g. <c>http://127.0.0.1:41234</c>.</summary>
    public Uri Endpoint { get; private set; } = null!;

    /// <summary>The emulated state: add accounts and Spaces, change timings, read secrets.</summary>
    public EmulatedHub Hub { get; }

    /// <summary>The rate limit applied to requests from now on; null for none.</summary>
    public RateLimitRule? RateLimit { get; set; }

    /// <summary>How many requests were refused for the rate limit (429) so far.</summary>
    public int RateLimited => Volatile.Read(ref _rateLimited);

    private int _rateLimited;

    /// <summary>The requests received so far, in order: the last <see cref="EmulatorOptions.MaxRecordedRequests"/>, secret values redacted.</summary>
    public IReadOnlyList<RecordedRequest> Requests => _requests.Snapshot;

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
        var emulator = new HfSpacesEmulator(app, hub, options.MaxRecordedRequests) { RateLimit = options.RateLimit, _clock = options.TimeProvider };
        app.Use(emulator.HandleAsync);
        // Routing after the emulator's own step, which may rewrite a file path's slashes (RepositoryPaths).
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
        lock (_faults)
        {
            _faults.Add(rule);
        }
    }

    /// <summary>Removes every injected fault.</summary>
    public void ClearFaults()
    {
        lock (_faults)
        {
            _faults.Clear();
        }
    }

    /// <summary>Forgets the recorded requests.</summary>
    public void ClearRequests() => _requests.Clear();

    /// <summary>Request ids, Hub-style errors, fault injection and recording, around every request.</summary>
    private async Task HandleAsync(HttpContext context, RequestDelegate next)
    {
        var requestId = $"Root=1-emulator-{Interlocked.Increment(ref _requestCounter):D6}";
        context.Response.Headers["X-Request-Id"] = requestId;
        RepositoryPaths.Normalize(context.Request);
        context.Request.EnableBuffering();
        var (body, bodyBytes) = await RecordedBodyAsync(context.Request).ConfigureAwait(false);
        string? account = null;
        try
        {
            account = Hub.Authenticate(context.Request.Headers.Authorization.ToString())?.Name;
        }
        catch (HubError)
        {
            // An invalid token is answered by the endpoint itself.
        }

        // Recorded when the answer starts, before the client can see it (a test reading Requests right after a call
        // must find it), or at the end for a request answered with nothing (a dropped connection).
        var recorded = 0;
        int? failed = null;
        void Record()
        {
            if (Interlocked.Exchange(ref recorded, 1) == 0)
            {
                _requests.Add(
                    context.Request.Method,
                    context.Request.Path.Value ?? string.Empty,
                    context.Request.QueryString.Value?.TrimStart('?') ?? string.Empty,
                    account,
                    body,
                    bodyBytes,
                    // A client that went away before any answer (a killed process, a cut connection) is nginx's 499.
                    !context.Response.HasStarted && (failed is not null || context.RequestAborted.IsCancellationRequested) ? failed ?? 499 : context.Response.StatusCode);
            }
        }

        context.Response.OnStarting(() =>
        {
            Record();
            return Task.CompletedTask;
        });

        try
        {
            if (!await WithinRateLimitAsync(context).ConfigureAwait(false))
            {
                return;
            }

            if (TakeFault(context.Request.Method, context.Request.Path.Value ?? string.Empty) is { } fault)
            {
                await Task.Delay(fault.Delay, context.RequestAborted).ConfigureAwait(false);
                if (fault.Abort)
                {
                    context.Abort();
                    return;
                }

                if (fault.Status is { } status)
                {
                    context.Response.StatusCode = status;
                    if (fault.RetryAfter is { } retryAfter)
                    {
                        context.Response.Headers.RetryAfter = ((int)retryAfter.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
                    }

                    if (fault.Body is not null)
                    {
                        context.Response.ContentType = fault.ContentType;
                        await context.Response.WriteAsync(fault.Body, context.RequestAborted).ConfigureAwait(false);
                    }

                    return;
                }
            }

            try
            {
                await next(context).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not HubError)
            {
                // A body that broke off mid-read is the client's doing (499); anything else is the emulator's (500).
                failed = context.RequestAborted.IsCancellationRequested || e is IOException or OperationCanceledException or Microsoft.AspNetCore.Http.BadHttpRequestException ? 499 : 500;
                throw;
            }
        }
        catch (HubError error)
        {
            context.Response.Clear();
            context.Response.Headers["X-Request-Id"] = requestId;
            context.Response.StatusCode = error.Status;
            if (error.Code is not null)
            {
                context.Response.Headers["X-Error-Code"] = error.Code;
            }

            context.Response.Headers["X-Error-Message"] = HeaderValue(error.Message);
            context.Response.ContentType = "application/json";
            var payload = error.Url is null
                ? new Dictionary<string, string> { ["error"] = error.Message }
                : new Dictionary<string, string> { ["error"] = error.Message, ["url"] = error.Url };
            await context.Response.WriteAsync(JsonSerializer.Serialize(payload, HubJson.Options), context.RequestAborted).ConfigureAwait(false);
        }
        finally
        {
            Record();
        }
    }

    /// <summary>
    /// The request's body as text for <see cref="Requests"/>, up to <see cref="MaxRecordedBodyChars"/> characters (an
    /// upload of gigabytes is not held twice); the stream is rewound for the endpoint.
    /// </summary>
    private static async Task<(string Text, long Bytes)> RecordedBodyAsync(HttpRequest request)
    {
        using var kept = new MemoryStream();
        var chunk = new byte[81920];
        int n;
        while (kept.Length <= MaxRecordedBodyChars && (n = await request.Body.ReadAsync(chunk, request.HttpContext.RequestAborted).ConfigureAwait(false)) > 0)
        {
            kept.Write(chunk, 0, n);
        }

        request.Body.Position = 0;
        var text = Encoding.UTF8.GetString(kept.GetBuffer(), 0, (int)Math.Min(kept.Length, MaxRecordedBodyChars));
        // The size: as announced, or as read (a chunked body longer than what is kept is not read twice: -1).
        var bytes = request.ContentLength ?? (kept.Length > MaxRecordedBodyChars ? -1 : kept.Length);
        return (kept.Length > MaxRecordedBodyChars ? text + "…" : text, bytes);
    }

    /// <summary>How much of a request body <see cref="Requests"/> keeps.</summary>
    public const int MaxRecordedBodyChars = 1024 * 1024;

    /// <summary>
    /// A message that reflects the client's input (a flavor, a visibility) may hold non-ASCII or CR/LF, which Kestrel refuses
    /// in a header (a 500 instead of the 400): the header gets printable ASCII, the JSON body keeps the whole text.
    /// </summary>
    internal static string HeaderValue(string message) =>
        string.Create(message.Length, message, static (chars, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                chars[i] = source[i] is >= ' ' and <= '~' ? source[i] : '?';
            }
        });

    /// <summary>Counts the request against its caller's window; answers 429 (and returns false) when the budget is spent.</summary>
    private async Task<bool> WithinRateLimitAsync(HttpContext context)
    {
        if (RateLimit is not { } rule || rule.Requests <= 0 || rule.Window <= TimeSpan.Zero)
        {
            return true;
        }

        var caller = context.Request.Headers.Authorization.ToString() is { Length: > 0 } authorization ? authorization : "anonymous";
        var now = _clock.GetUtcNow();
        var window = now.UtcTicks / rule.Window.Ticks;
        var reset = (int)Math.Ceiling(((window + 1) * rule.Window.Ticks - now.UtcTicks) / (double)TimeSpan.TicksPerSecond);
        int left;
        lock (_budgets)
        {
            var (seen, count) = _budgets.TryGetValue(caller, out var budget) && budget.Window == window ? budget : (window, 0);
            left = rule.Requests - count - 1;
            if (left >= 0)
            {
                _budgets[caller] = (seen, count + 1);
            }
        }

        var seconds = reset.ToString(System.Globalization.CultureInfo.InvariantCulture);
        context.Response.Headers["RateLimit-Policy"] = $"\"fixed window\";\"api\";q={rule.Requests};w={(int)rule.Window.TotalSeconds}";
        context.Response.Headers["RateLimit"] = $"\"api\";r={Math.Max(left, 0)};t={seconds}";
        if (left >= 0)
        {
            return true;
        }

        Interlocked.Increment(ref _rateLimited);
        context.Response.StatusCode = 429;
        context.Response.Headers.RetryAfter = seconds;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync("""{"error":"You have exceeded our rate limit. Retry later."}""", context.RequestAborted).ConfigureAwait(false);
        return false;
    }

    private FaultRule? TakeFault(string method, string path)
    {
        lock (_faults)
        {
            var rule = _faults.FirstOrDefault(f => f.Times is null or > 0 && f.Matches(method, path));
            if (rule?.Times is { } times)
            {
                rule.Times = times - 1;
            }

            return rule;
        }
    }

    /// <summary>Stops listening.</summary>
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
