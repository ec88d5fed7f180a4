using System.Diagnostics;
using System.Net;
using System.Reflection;
using System.Text.Json;
using HfSpaces.Auth;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Http.HttpClientLibrary;

namespace HfSpaces.Http;

/// <summary>
/// Sends the requests Kiota builds: auth (through the Kiota adapter), User-Agent, per-try timeout, retries with back-off
/// and Retry-After, and the single choke point where every failure becomes an <see cref="HfSpacesException"/>.
/// </summary>
internal sealed partial class HubTransport : IDisposable
{
    internal static readonly ActivitySource ActivitySource = new("HfSpaces");

    private static readonly string SdkVersion =
        typeof(HubTransport).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";

    private readonly HttpClient _http;
    private readonly bool _ownsHttp;
    private readonly HttpClientRequestAdapter _adapter;
    private readonly HubCredentials _credentials;
    private readonly HfSpacesClientOptions _options;
    private readonly ILogger _logger;
    private readonly string _userAgent;

    /// <param name="httpClient">The caller's client, or null to own one.</param>
    /// <param name="options">The settings.</param>
    /// <param name="credentials">Already resolved credentials (DI resolves them once per registration), or null to resolve them now.</param>
    public HubTransport(HttpClient? httpClient, HfSpacesClientOptions options, HubCredentials? credentials = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(options.MaxRetries, nameof(options.MaxRetries));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.RetryDelay, TimeSpan.Zero, nameof(options.RetryDelay));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxRetryDelay, TimeSpan.Zero, nameof(options.MaxRetryDelay));
        if (options.PerTryTimeout <= TimeSpan.Zero && options.PerTryTimeout != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.PerTryTimeout, "PerTryTimeout must be positive or Timeout.InfiniteTimeSpan.");
        }

        _options = options;
        _credentials = credentials ?? HubCredentials.Resolve(options);
        _ownsHttp = httpClient is null;
        _http = httpClient ?? new HttpClient(
            new SocketsHttpHandler
            {
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
                AutomaticDecompression = DecompressionMethods.All,
            })
        {
            // Timeouts are per try (PerTryTimeout); HttpClient.Timeout would span all retries and cut log streams.
            Timeout = Timeout.InfiniteTimeSpan,
        };
        _adapter = new HttpClientRequestAdapter(new HubAuthenticationProvider(_credentials), httpClient: _http)
        {
            BaseUrl = _credentials.Endpoint.ToString().TrimEnd('/'),
        };
        _logger = options.LoggerFactory?.CreateLogger("HfSpaces") ?? NullLogger.Instance;
        _userAgent = (string.IsNullOrWhiteSpace(options.ApplicationId) ? string.Empty : options.ApplicationId.Trim() + " ")
            + $"HfSpaces/{SdkVersion} (.NET {Environment.Version}; {System.Runtime.InteropServices.RuntimeInformation.OSDescription.Split(' ')[0]})";
    }

    public IRequestAdapter Adapter => _adapter;

    public Uri Endpoint => _credentials.Endpoint;

    public TimeProvider TimeProvider => _options.TimeProvider;

    /// <summary>Sends and parses the JSON answer; null when the Hub answered with no body.</summary>
    public async Task<JsonDocument?> SendForJsonAsync(RequestInformation info, bool idempotent, CancellationToken cancellationToken)
    {
        var (request, response, tryScope) = await SendCoreAsync(info, idempotent, cancellationToken).ConfigureAwait(false);
        using (request)
        using (response)
        using (tryScope)
        {
            try
            {
                var body = await response.Content.ReadAsStreamAsync(tryScope.Token).ConfigureAwait(false);
                await using (body.ConfigureAwait(false))
                {
                    if (response.Content.Headers.ContentLength == 0)
                    {
                        return null;
                    }

                    return await JsonDocument.ParseAsync(body, default, tryScope.Token).ConfigureAwait(false);
                }
            }
            catch (JsonException e)
            {
                throw HubErrors.Transport(request, $"the Hub answered {(int)response.StatusCode} with a body that is not valid JSON ({e.Message}).", e, response);
            }
            catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
            {
                throw HubErrors.Transport(request, $"the response was not read within {_options.PerTryTimeout.TotalSeconds:0.#} s.", new TimeoutException(e.Message, e), response);
            }
            catch (HttpRequestException e)
            {
                throw HubErrors.Transport(request, $"the connection broke while reading the response ({e.Message}).", e, response);
            }
        }
    }

    /// <summary>Sends and ignores the answer's body.</summary>
    public async Task SendAsync(RequestInformation info, bool idempotent, CancellationToken cancellationToken)
    {
        var (request, response, tryScope) = await SendCoreAsync(info, idempotent, cancellationToken).ConfigureAwait(false);
        request.Dispose();
        response.Dispose();
        tryScope.Dispose();
    }

    /// <summary>Sends and hands over the open response (for event streams); the caller disposes it.</summary>
    public async Task<HttpResponseMessage> OpenAsync(RequestInformation info, CancellationToken cancellationToken)
    {
        var (request, response, tryScope) = await SendCoreAsync(info, idempotent: true, cancellationToken).ConfigureAwait(false);
        request.Dispose();
        tryScope.Dispose();
        return response;
    }

    private async Task<(HttpRequestMessage Request, HttpResponseMessage Response, TryScope TryScope)> SendCoreAsync(
        RequestInformation info, bool idempotent, CancellationToken cancellationToken)
    {
        using var activity = ActivitySource.StartActivity("HfSpaces " + info.HttpMethod, ActivityKind.Client);
        for (var attempt = 0; ; attempt++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (info.Content is { CanSeek: true } content)
            {
                content.Position = 0;
            }

            var request = await _adapter.ConvertToNativeRequestAsync<HttpRequestMessage>(info, cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidOperationException("Kiota produced no request.");
            request.Headers.TryAddWithoutValidation("User-Agent", _userAgent);
            activity?.SetTag("http.request.method", request.Method.Method);
            activity?.SetTag("url.path", request.RequestUri?.AbsolutePath);

            var tryScope = new TryScope(_options.PerTryTimeout, _options.TimeProvider, cancellationToken);
            var started = _options.TimeProvider.GetTimestamp();
            HfSpacesException failure;
            bool retryable;
            TimeSpan? retryAfter = null;
            try
            {
                var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, tryScope.Token).ConfigureAwait(false);
                LogExchange(request, (int)response.StatusCode, _options.TimeProvider.GetElapsedTime(started), attempt + 1);
                activity?.SetTag("http.response.status_code", (int)response.StatusCode);
                if (response.IsSuccessStatusCode)
                {
                    return (request, response, tryScope);
                }

                using (response)
                {
                    var body = await ReadErrorBodyAsync(response, tryScope.Token).ConfigureAwait(false);
                    failure = HubErrors.FromResponse(request, response, body, _credentials.TokenSource);
                }

                retryAfter = failure.Details.RetryAfter;
                retryable = failure.StatusCode == HttpStatusCode.TooManyRequests
                    || (idempotent && failure.StatusCode is HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                request.Dispose();
                tryScope.Dispose();
                throw;
            }
            catch (OperationCanceledException e)
            {
                failure = HubErrors.Transport(request, $"no answer within {_options.PerTryTimeout.TotalSeconds:0.#} s (PerTryTimeout).", new TimeoutException(e.Message, e));
                retryable = idempotent;
            }
            catch (HttpRequestException e)
            {
                failure = HubErrors.Transport(request, $"could not reach {request.RequestUri?.Host} ({e.Message}).", e);
                retryable = idempotent || e.HttpRequestError == HttpRequestError.ConnectionError;
            }

            request.Dispose();
            tryScope.Dispose();
            activity?.SetStatus(ActivityStatusCode.Error, failure.StatusCode?.ToString());
            if (!retryable || attempt >= _options.MaxRetries)
            {
                throw failure;
            }

            var delay = Backoff(attempt, retryAfter);
            if (delay is null)
            {
                throw failure;
            }

            LogRetry(request.Method.Method, request.RequestUri?.AbsolutePath, delay.Value.TotalMilliseconds, attempt + 1);
            await Task.Delay(delay.Value, _options.TimeProvider, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>One try's token: the caller's, cancelled also after PerTryTimeout on the client's clock.</summary>
    private sealed class TryScope : IDisposable
    {
        private readonly CancellationTokenSource _timer;
        private readonly CancellationTokenSource _linked;

        public TryScope(TimeSpan timeout, TimeProvider clock, CancellationToken cancellationToken)
        {
            _timer = new CancellationTokenSource(timeout, clock);
            _linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _timer.Token);
        }

        public CancellationToken Token => _linked.Token;

        public void Dispose()
        {
            _linked.Dispose();
            _timer.Dispose();
        }
    }

    /// <summary>Exponential back-off with jitter; a longer Retry-After wins; null when the Hub asks for more than MaxRetryDelay.</summary>
    private TimeSpan? Backoff(int attempt, TimeSpan? retryAfter)
    {
        var exponential = _options.RetryDelay * Math.Pow(2, attempt);
        var jittered = exponential * (0.8 + (Random.Shared.NextDouble() * 0.4));
        if (retryAfter is { } asked)
        {
            if (asked > _options.MaxRetryDelay)
            {
                return null;
            }

            return asked > jittered ? asked : jittered;
        }

        return jittered > _options.MaxRetryDelay ? _options.MaxRetryDelay : jittered;
    }

    private static async Task<byte[]> ReadErrorBodyAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            return await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException)
        {
            // The status and headers are what matter; a body that breaks off is reported without its text.
            return [];
        }
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Debug, Message = "{Method} {Path} answered {Status} in {ElapsedMs:0} ms (attempt {Attempt})")]
    private partial void LogExchange(string method, string? path, int status, double elapsedMs, int attempt);

    private void LogExchange(HttpRequestMessage request, int status, TimeSpan elapsed, int attempt) =>
        LogExchange(request.Method.Method, request.RequestUri?.AbsolutePath, status, elapsed.TotalMilliseconds, attempt);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "{Method} {Path} failed and is retried in {DelayMs:0} ms (attempt {Attempt})")]
    private partial void LogRetry(string method, string? path, double delayMs, int attempt);

    public void Dispose()
    {
        if (_ownsHttp)
        {
            _http.Dispose();
        }
    }
}
