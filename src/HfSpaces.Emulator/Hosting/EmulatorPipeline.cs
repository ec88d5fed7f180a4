using System.Text;
using System.Text.Json;
using HfSpaces.Emulator.State;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace HfSpaces.Emulator.Hosting;

/// <summary>
/// What happens around every request before and after the emulated Hub answers it, as ordered steps (Azurite's
/// middleware shape): <see cref="Use"/> lists them in the order a request meets them.
/// </summary>
internal sealed class EmulatorPipeline(EmulatedHub hub, int maxRecordedRequests, TimeProvider clock)
{
    private readonly RequestLog _requests = new(maxRecordedRequests);
    private readonly List<FaultRule> _faults = [];
    private readonly Dictionary<string, (long Window, int Count)> _budgets = new(StringComparer.Ordinal);
    private int _requestCounter;
    private int _rateLimited;
    private int _inFlight;

    /// <summary>
    /// How much of a request body is read to record it: enough for a JSON body with secrets to be parsed and its values
    /// redacted before <see cref="RequestLog"/> cuts it to <see cref="RequestLog.MaxBodyChars"/> (a longer one that may hold
    /// secrets is kept as "[redacted]" whole); an upload of gigabytes is not read twice.
    /// </summary>
    internal const int MaxReadBodyBytes = 64 * 1024;

    public RateLimitRule? RateLimit { get; set; }

    public int RateLimited => Volatile.Read(ref _rateLimited);

    public IReadOnlyList<RecordedRequest> Requests => _requests.Snapshot;

    public int InFlight => Volatile.Read(ref _inFlight);

    /// <summary>The steps, outermost first; the Hub's routes come after them.</summary>
    public void Use(IApplicationBuilder app)
    {
        app.Use(IdentifyAsync);   // 1. a request id; a file path's slashes made routable
        app.Use(RecordAsync);     // 2. kept in Requests, with the status the client saw (499 when it saw none)
        app.Use(HubErrorsAsync);  // 3. a HubError from any step below is the Hub's JSON error
        app.Use(RateLimitAsync);  // 4. the caller's budget (429 with RateLimit headers)
        app.Use(FaultsAsync);     // 5. injected faults: delay, status, a dropped connection
    }

    public void AddFault(FaultRule rule)
    {
        lock (_faults)
        {
            _faults.Add(rule);
        }
    }

    public void ClearFaults()
    {
        lock (_faults)
        {
            _faults.Clear();
        }
    }

    public void ClearRequests() => _requests.Clear();

    private Task IdentifyAsync(HttpContext context, RequestDelegate next)
    {
        context.Response.Headers["X-Request-Id"] = $"Root=1-emulator-{Interlocked.Increment(ref _requestCounter):D6}";
        RepositoryPaths.Normalize(context.Request);
        return next(context);
    }

    private async Task RecordAsync(HttpContext context, RequestDelegate next)
    {
        Interlocked.Increment(ref _inFlight);
        try
        {
            await RecordedAsync(context, next).ConfigureAwait(false);
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }

    private async Task RecordedAsync(HttpContext context, RequestDelegate next)
    {
        context.Request.EnableBuffering();
        var (body, bodyBytes) = await RecordedBodyAsync(context.Request).ConfigureAwait(false);

        // A chunked body longer than what was read: its size is counted as the endpoint reads it to the end.
        var counted = bodyBytes < 0 ? new CountedBody(context.Request.Body) : null;
        if (counted is not null)
        {
            context.Request.Body = counted;
        }

        string? account = null;
        try
        {
            account = hub.Authenticate(context.Request.Headers.Authorization.ToString())?.Name;
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
                    counted?.Size ?? bodyBytes,
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
            await next(context).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            // A body that broke off mid-read is the client's doing (499); anything else is the emulator's (500).
            failed = context.RequestAborted.IsCancellationRequested || e is IOException or OperationCanceledException or BadHttpRequestException ? 499 : 500;
            throw;
        }
        finally
        {
            Record();
        }
    }

    private static async Task HubErrorsAsync(HttpContext context, RequestDelegate next)
    {
        try
        {
            await next(context).ConfigureAwait(false);
        }
        catch (HubError error)
        {
            var requestId = context.Response.Headers["X-Request-Id"];
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
    }

    /// <summary>Counts the request against its caller's window; answers 429 when the budget is spent.</summary>
    private async Task RateLimitAsync(HttpContext context, RequestDelegate next)
    {
        if (RateLimit is not { } rule || rule.Requests <= 0 || rule.Window <= TimeSpan.Zero)
        {
            await next(context).ConfigureAwait(false);
            return;
        }

        var caller = context.Request.Headers.Authorization.ToString() is { Length: > 0 } authorization ? authorization : "anonymous";
        var now = clock.GetUtcNow();
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
            await next(context).ConfigureAwait(false);
            return;
        }

        Interlocked.Increment(ref _rateLimited);
        context.Response.StatusCode = 429;
        context.Response.Headers.RetryAfter = seconds;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync("""{"error":"You have exceeded our rate limit. Retry later."}""", context.RequestAborted).ConfigureAwait(false);
    }

    private async Task FaultsAsync(HttpContext context, RequestDelegate next)
    {
        if (TakeFault(context.Request.Method, context.Request.Path.Value ?? string.Empty) is not { } fault)
        {
            await next(context).ConfigureAwait(false);
            return;
        }

        await Task.Delay(fault.Delay, context.RequestAborted).ConfigureAwait(false);
        if (fault.Abort)
        {
            context.Abort();
            return;
        }

        if (fault.Status is not { } status)
        {
            await next(context).ConfigureAwait(false); // a delay only
            return;
        }

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

    /// <summary>
    /// The request's body as text for <see cref="Requests"/>: its first <see cref="MaxReadBodyBytes"/> bytes (and "…" when
    /// there are more); the stream is rewound for the endpoint.
    /// </summary>
    private static async Task<(string Text, long Bytes)> RecordedBodyAsync(HttpRequest request)
    {
        var kept = new byte[MaxReadBodyBytes + 1];
        var length = 0;
        int n;
        while (length < kept.Length && (n = await request.Body.ReadAsync(kept.AsMemory(length), request.HttpContext.RequestAborted).ConfigureAwait(false)) > 0)
        {
            length += n;
        }

        request.Body.Position = 0;
        var more = length > MaxReadBodyBytes;
        var text = Encoding.UTF8.GetString(kept, 0, Math.Min(length, MaxReadBodyBytes));
        // The size: as announced, or as read (a chunked body longer than what is read is not read twice: -1).
        var bytes = request.ContentLength ?? (more ? -1 : length);
        return (more ? text + "…" : text, bytes);
    }

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
}
