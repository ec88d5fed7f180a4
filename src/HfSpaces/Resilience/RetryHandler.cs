using System.Diagnostics;
using System.Net;
using HfSpaces.Http;
using Microsoft.Extensions.Logging;

namespace HfSpaces.Resilience;

/// <summary>
/// Decides which failed attempts are sent again (<see cref="ShouldRetry"/>), waits with exponential back-off and jitter
/// (a longer <c>Retry-After</c> or <c>RateLimit</c> reset wins; a wait longer than <see cref="HfSpacesClientOptions.MaxRetryDelay"/>
/// is not waited), and sends each retry as a fresh copy of the request with its body, so a body is never lost and an
/// inner handler's changes (a redirect's new address) never leak into the next attempt.
/// </summary>
internal sealed partial class RetryHandler(HfSpacesClientOptions options, ILogger logger, RateLimitGate gate) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var operation = HubRequestOption.For(request);
        // SocketsHttpHandler silently re-sends a request without content when a pooled connection turns out dead; with
        // content (even empty: the same "Content-Length: 0" on the wire) it never does. Only this handler re-sends writes.
        if (request.Content is null && request.Method != HttpMethod.Get && request.Method != HttpMethod.Head)
        {
            request.Content = new ByteArrayContent([]);
        }

        // A body is kept for a retry, except one that writes itself again for each attempt (a commit, an upload).
        var body = options.MaxRetries > 0 && request.Content is not (null or ReplayableContent)
            ? await request.Content!.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false)
            : null;
        var attemptRequest = request;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                // The client's calls share the Hub's rate limit: when it is spent, wait here rather than earn a 429.
                await gate.WaitAsync(attemptRequest, options.MaxRetryDelay, cancellationToken).ConfigureAwait(false);
                var started = options.TimeProvider.GetTimestamp();
                HttpResponseMessage response;
                try
                {
                    response = await base.SendAsync(attemptRequest, cancellationToken).ConfigureAwait(false);
                }
                catch (HfSpacesException failure) when (failure.StatusCode is { } failed)
                {
                    LogAttempt(attemptRequest, failed, started, attempt);
                    throw;
                }

                if (RateLimitGate.BudgetSpent(response) is { } reset)
                {
                    gate.Close(reset);
                }

                LogAttempt(attemptRequest, response.StatusCode, started, attempt);
                return response;
            }
            catch (HfSpacesException failure)
            {
                if (failure.StatusCode == HttpStatusCode.TooManyRequests && failure.Details.RetryAfter is { } wait)
                {
                    gate.Close(wait);
                }

                if (attempt > options.MaxRetries || !ShouldRetry(failure, operation.Idempotent, operation.Presigned) || Backoff(attempt, failure.Details.RetryAfter) is not { } delay)
                {
                    throw;
                }

                LogRetry(request.Method.Method, request.RequestUri?.AbsolutePath, delay.TotalMilliseconds, attempt);
                HubMetrics.Retries.Add(1, new TagList { { "hfspaces.operation", operation.Operation }, { "error.type", ErrorType(failure) } });
                await Task.Delay(delay, options.TimeProvider, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                if (!ReferenceEquals(attemptRequest, request))
                {
                    attemptRequest.Dispose();
                }
            }

            attemptRequest = HubRequests.Copy(request, request.RequestUri!, body);
        }
    }

    /// <summary>
    /// 429 and refused connections: always (the Hub did nothing). 502/503/504, timeouts and broken connections: only for
    /// idempotent operations (never restart or duplicate, which the Hub may have done already). Nothing else.
    /// </summary>
    internal static bool ShouldRetry(HfSpacesException failure, bool idempotent, bool presigned = false) =>
        failure.Failure == HubFailure.NotConnected
        || (failure.Failure == HubFailure.Status && failure.StatusCode == HttpStatusCode.TooManyRequests)
        || (idempotent && IsTransient(failure))
        // LFS storage (S3) answers a transient 500 to an upload it will take the next time (huggingface_hub retries it too).
        || (presigned && idempotent && failure.Failure == HubFailure.Status && failure.StatusCode == HttpStatusCode.InternalServerError);

    /// <summary>
    /// What this policy retries for an idempotent call, and so what <see cref="HfSpacesException.IsTransient"/> says: a
    /// refused or broken connection, a timeout, 429, 502, 503, 504. An answer that cannot be read (too large, corrupt
    /// compression, not JSON) or any other status would fail the same way again.
    /// </summary>
    internal static bool IsTransient(HfSpacesException failure) => failure.Failure switch
    {
        HubFailure.NotConnected or HubFailure.Timeout or HubFailure.Transport => true,
        HubFailure.Status => failure.StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout,
        _ => false,
    };

    /// <summary>The OpenTelemetry <c>error.type</c>: the status code, or the kind of transport failure.</summary>
    internal static string ErrorType(HfSpacesException failure) =>
        failure.StatusCode is { } status ? ((int)status).ToString(System.Globalization.CultureInfo.InvariantCulture) : failure.Failure switch
        {
            HubFailure.Timeout => "timeout",
            HubFailure.NotConnected => "connection_error",
            HubFailure.Unreadable => "invalid_response",
            _ => "transport_error",
        };

    /// <summary>Exponential back-off with jitter; a longer server wait wins; null when the Hub asks for more than MaxRetryDelay.</summary>
    private TimeSpan? Backoff(int attempt, TimeSpan? retryAfter)
    {
        var exponential = options.RetryDelay * Math.Pow(2, attempt - 1);
        var jittered = exponential * (0.8 + (Random.Shared.NextDouble() * 0.4));
        if (jittered > options.MaxRetryDelay)
        {
            jittered = options.MaxRetryDelay;
        }

        if (retryAfter is { } asked)
        {
            return asked > options.MaxRetryDelay ? null : asked > jittered ? asked : jittered;
        }

        return jittered;
    }

    /// <summary>One attempt's answer, at debug level; its arguments (path, elapsed time) are worked out only when that level is on.</summary>
    private void LogAttempt(HttpRequestMessage attemptRequest, HttpStatusCode status, long started, int attempt)
    {
        if (logger.IsEnabled(LogLevel.Debug))
        {
            LogExchange(attemptRequest.Method.Method, attemptRequest.RequestUri?.AbsolutePath, (int)status, options.TimeProvider.GetElapsedTime(started).TotalMilliseconds, attempt);
        }
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Debug, Message = "{Method} {Path} answered {Status} in {ElapsedMs:0} ms (attempt {Attempt})")]
    private partial void LogExchange(string method, string? path, int status, double elapsedMs, int attempt);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "{Method} {Path} failed and is retried in {DelayMs:0} ms (attempt {Attempt})")]
    private partial void LogRetry(string method, string? path, double delayMs, int attempt);
}
