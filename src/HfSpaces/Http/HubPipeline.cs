using System.Net;
using HfSpaces.Auth;
using HfSpaces.Resilience;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace HfSpaces.Http;

/// <summary>
/// The SDK's one handler chain, outermost first: a replayable body put in place → telemetry → retry → error mapping → per-try timeout (and bounded
/// buffering) → redirects → authentication → User-Agent → the primary handler (or the caller's <see cref="HttpClient"/>).
/// Kiota's adapter sends every request of the façade through it.
/// </summary>
internal static class HubPipeline
{
    /// <summary>Checks the options that the handlers use, so a bad value fails when the client is built, not on the first call.</summary>
    public static void Validate(HfSpacesClientOptions options)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(options.MaxRetries, nameof(options.MaxRetries));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.RetryDelay, TimeSpan.Zero, nameof(options.RetryDelay));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxRetryDelay, TimeSpan.Zero, nameof(options.MaxRetryDelay));
        if (options.PerTryTimeout <= TimeSpan.Zero && options.PerTryTimeout != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.PerTryTimeout, "PerTryTimeout must be positive or Timeout.InfiniteTimeSpan.");
        }

        ArgumentNullException.ThrowIfNull(options.TimeProvider, nameof(options.TimeProvider));
    }

    /// <summary>The SDK's handlers, outermost first, not yet linked.</summary>
    /// <param name="options">The client's options.</param>
    /// <param name="credentials">Endpoint and token.</param>
    /// <param name="gate">The rate-limit state shared by every call of the client (one per client or DI registration, not per chain).</param>
    /// <param name="loggerFactory">Overrides <see cref="HfSpacesClientOptions.LoggerFactory"/>.</param>
    public static DelegatingHandler[] CreateHandlers(HfSpacesClientOptions options, HubCredentials credentials, RateLimitGate gate, ILoggerFactory? loggerFactory = null)
    {
        Validate(options);
        var logger = (loggerFactory ?? options.LoggerFactory)?.CreateLogger("HfSpaces") ?? NullLogger.Instance;
        return
        [
            new ReplayableBodyHandler(),
            new TelemetryHandler(options.TimeProvider),
            new RetryHandler(options, logger, gate),
            new ErrorMappingHandler(credentials.TokenSource),
            new PerTryTimeoutHandler(options.PerTryTimeout, options.TimeProvider),
            new RedirectHandler(),
            new AuthenticationHandler(credentials),
            new UserAgentHandler(options.ApplicationId),
        ];
    }

    /// <summary>The connection pool the SDK owns: redirects off (the chain decides), every compression the Hub may use.</summary>
    public static SocketsHttpHandler CreatePrimaryHandler() => new()
    {
        AllowAutoRedirect = false,
        AutomaticDecompression = DecompressionMethods.All,
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        ConnectTimeout = TimeSpan.FromSeconds(30),
    };

    /// <summary>An <see cref="HttpClient"/> over the chain: the SDK's own pool, or in front of the caller's client. Its timeout is per try, in the chain.</summary>
    public static HttpClient CreateClient(HttpClient? caller, HfSpacesClientOptions options, HubCredentials credentials, RateLimitGate gate)
    {
        HttpMessageHandler last = caller is null ? CreatePrimaryHandler() : new HttpClientTransport(caller);
        foreach (var handler in Enumerable.Reverse(CreateHandlers(options, credentials, gate)))
        {
            handler.InnerHandler = last;
            last = handler;
        }

        return new HttpClient(last, disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };
    }
}
