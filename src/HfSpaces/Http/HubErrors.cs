using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using HfSpaces.Resilience;
using Microsoft.Kiota.Abstractions;

namespace HfSpaces.Http;

/// <summary>
/// The one failure factory: every <see cref="HfSpacesException"/> the SDK throws is made here — an error answer (the
/// Hub's error semantics, docs/hub-wire.md "Errors"), a redirect not followed, a broken or timed-out exchange, an answer
/// that cannot be read, a stream that broke, a call the rate limit kept back. Each says what went wrong in one sentence
/// that starts with the method and path, and carries the <see cref="HubFailure"/> the retry policy decides on.
/// </summary>
internal static class HubErrors
{
    private const int MaxBodyChars = 2000;

    public static HfSpacesException FromResponse(HttpRequestMessage request, HttpResponseMessage response, byte[] body, string tokenSource)
    {
        var status = response.StatusCode;
        var errorCode = Header(response.Headers, "X-Error-Code");
        var (serverMessage, existingUrl) = ServerMessage(response, body);
        var details = new HfSpacesErrorDetails { Method = request.Method.Method, Path = request.RequestUri?.AbsolutePath ?? string.Empty, StatusCode = status, ErrorCode = errorCode, ServerMessage = serverMessage, RequestId = RequestId(response.Headers), ExistingUrl = existingUrl,
            RetryAfter = RetryAfter(response),
        };

        var hasToken = request.Headers.Authorization is not null;
        HfSpacesException error = status switch
        {
            HttpStatusCode.Unauthorized => new HfSpacesUnauthorizedException(
                Describe(details, hasToken
                    ? "The Hub refused the token. Check that it is valid and has write access; tokens from an OAuth device-flow login are refused on write endpoints."
                    : $"No token was sent (token source: {tokenSource}); set HF_TOKEN or HfSpacesClientOptions.Token."),
                details),
            HttpStatusCode.Forbidden => new HfSpacesForbiddenException(Describe(details, "The token does not allow this operation on this Space."), details),
            HttpStatusCode.NotFound => new HfSpacesNotFoundException(Describe(details, "The Space does not exist, or the token cannot see it."), details),
            HttpStatusCode.Conflict or HttpStatusCode.PreconditionFailed => new HfSpacesConflictException(Describe(details, null), details),
            HttpStatusCode.TooManyRequests => new HfSpacesRateLimitedException(
                Describe(details, details.RetryAfter is { } wait ? $"Retry after {wait.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture)} s." : null),
                details),
            _ when errorCode == "RepoNotFound" => new HfSpacesNotFoundException(Describe(details, null), details),
            _ => new HfSpacesException(Describe(details, null), details),
        };
        return error;
    }

    /// <summary>A redirect the SDK does not follow: to another host (the token and body stay here), or of a request with a body.</summary>
    public static HfSpacesException NotFollowed(HttpRequestMessage request, HttpResponseMessage response)
    {
        var location = response.Headers.Location is { } l && request.RequestUri is { } from ? new Uri(from, l) : response.Headers.Location;
        var details = new HfSpacesErrorDetails { Method = request.Method.Method, Path = request.RequestUri?.AbsolutePath ?? string.Empty, StatusCode = response.StatusCode, ErrorCode = Header(response.Headers, "X-Error-Code"), ServerMessage = null, RequestId = RequestId(response.Headers) };
        var why = location is null
            ? "without a Location"
            : location.IsAbsoluteUri && request.RequestUri is { } uri && !SameOrigin(uri, location)
                ? $"to another host ({Sanitize(location.GetLeftPart(UriPartial.Authority))}); not followed, so neither the token nor the body leaves the endpoint"
                : $"to {Sanitize(location.IsAbsoluteUri ? location.AbsolutePath : location.ToString())}; not followed for a {request.Method.Method} with a body or after 5 redirects";
        return new HfSpacesException($"{details.Method} {details.Path} answered {(int)response.StatusCode} (a redirect) {why}.", details) { Failure = HubFailure.Status };
    }

    /// <summary>Same scheme, host and port: the only redirects the SDK follows.</summary>
    internal static bool SameOrigin(Uri a, Uri b) =>
        string.Equals(a.Scheme, b.Scheme, StringComparison.OrdinalIgnoreCase)
        && string.Equals(a.IdnHost, b.IdnHost, StringComparison.OrdinalIgnoreCase)
        && a.Port == b.Port;

    /// <summary>A failure without a usable response: timeout, connection failure, unreadable body.</summary>
    public static HfSpacesException Transport(HttpRequestMessage request, string what, Exception inner, HubFailure failure, HttpResponseMessage? response = null)
    {
        var details = new HfSpacesErrorDetails { Method = request.Method.Method, Path = request.RequestUri?.AbsolutePath ?? string.Empty, StatusCode = response?.StatusCode, ErrorCode = response is null ? null : Header(response.Headers, "X-Error-Code"), ServerMessage = null, RequestId = response is null ? null : RequestId(response.Headers) };
        return new HfSpacesException($"{details.Method} {details.Path} failed: {Sanitize(what)}", details, inner) { Failure = failure };
    }

    /// <summary>
    /// An answer that arrived but is not what the operation promised (not JSON, the wrong shape, a next-page link that
    /// cannot be followed): "<c>GET /path</c> <paramref name="what"/>.", never retried.
    /// </summary>
    public static HfSpacesException Unreadable(RequestInformation info, HttpStatusCode status, string what, Exception inner)
    {
        var details = new HfSpacesErrorDetails { Method = info.HttpMethod.ToString(), Path = info.URI.AbsolutePath, StatusCode = status, ErrorCode = null, ServerMessage = null, RequestId = null };
        return new HfSpacesException($"{details.Method} {details.Path} {Sanitize(what.TrimEnd('.'))}.", details, inner) { Failure = HubFailure.Unreadable };
    }

    /// <summary>A failure outside the chain: the caller's HttpClient timed out (its Timeout), or Kiota could not build the request.</summary>
    public static HfSpacesException Unsent(RequestInformation info, Exception e)
    {
        var details = new HfSpacesErrorDetails { Method = info.HttpMethod.ToString(), Path = info.URI.AbsolutePath, StatusCode = null, ErrorCode = null, ServerMessage = null, RequestId = null };
        var what = e is OperationCanceledException
            ? "the HttpClient's own Timeout expired (set it to Timeout.InfiniteTimeSpan: HfSpacesClientOptions.PerTryTimeout bounds each attempt)"
            : $"the request could not be sent ({Sanitize(e.Message).TrimEnd('.')})";
        return new HfSpacesException($"{details.Method} {details.Path} failed: {what}.", details, e)
        {
            Failure = e is OperationCanceledException ? HubFailure.Timeout : HubFailure.Transport,
        };
    }

    /// <summary>A streamed answer (logs) that broke after it started: what was read has been handed out.</summary>
    public static HfSpacesException StreamBroke(string method, string path, string what, Exception e)
    {
        var details = new HfSpacesErrorDetails { Method = method, Path = path, StatusCode = null, ErrorCode = null, ServerMessage = null, RequestId = null };
        return new HfSpacesException($"{method} {path} failed: {what} ({Sanitize(e.Message).TrimEnd('.')}).", details, e) { Failure = HubFailure.Transport };
    }

    /// <summary>A downloaded file whose length is not the one the tree listed (a cut or changed answer): it is not kept.</summary>
    public static HfSpacesException DownloadMismatch(string path, long listed, long received)
    {
        var details = new HfSpacesErrorDetails { Method = "GET", Path = path, StatusCode = null, ErrorCode = null, ServerMessage = null, RequestId = null };
        return new HfSpacesException(string.Create(CultureInfo.InvariantCulture, $"GET {Sanitize(path)} sent {received} bytes where the Space's tree lists {listed}: the file was not written."), details) { Failure = HubFailure.Unreadable };
    }

    /// <summary>A commit refused because its parent is not the branch's head: the Hub's answer, and the head it has now.</summary>
    public static HfSpacesConflictException StaleParent(HfSpacesConflictException refused, string parent, string? head) =>
        new($"{refused.Message} The commit was based on {parent}, but the branch is at {head ?? "a newer commit"} now: someone else committed first; nothing was changed. Read the files again and commit on top of {head ?? "the new head"}.", refused.Details, refused)
        {
            CurrentCommit = head,
        };

    /// <summary>A call kept back by the client's rate-limit state because the Hub's limit resets later than the caller would wait.</summary>
    public static HfSpacesRateLimitedException NotSent(HttpRequestMessage request, TimeSpan left)
    {
        var details = new HfSpacesErrorDetails { Method = request.Method.Method, Path = request.RequestUri?.AbsolutePath ?? string.Empty, StatusCode = HttpStatusCode.TooManyRequests, ErrorCode = null, ServerMessage = null, RequestId = null, RetryAfter = left,
        };
        var seconds = Math.Ceiling(left.TotalSeconds).ToString(CultureInfo.InvariantCulture);
        return new HfSpacesRateLimitedException(
            $"{details.Method} {details.Path} was not sent: the Hub's rate limit for this client resets in {seconds} s, longer than MaxRetryDelay. Retry after {seconds} s.",
            details)
        {
            Failure = HubFailure.Status,
        };
    }

    private static string Describe(HfSpacesErrorDetails d, string? hint)
    {
        var text = new StringBuilder()
            .Append(d.Method).Append(' ').Append(d.Path).Append(" answered ")
            .Append((int)d.StatusCode!.Value);
        if (ReasonPhrase(d.StatusCode.Value) is { Length: > 0 } phrase)
        {
            text.Append(' ').Append(phrase);
        }

        if (d.ErrorCode is not null)
        {
            text.Append(" (").Append(d.ErrorCode).Append(')');
        }

        text.Append(d.ServerMessage is null ? "." : ": " + d.ServerMessage.TrimEnd('.') + ".");
        if (hint is not null)
        {
            text.Append(' ').Append(hint);
        }

        if (d.RequestId is not null)
        {
            text.Append(" Request id: ").Append(d.RequestId).Append('.');
        }

        return text.ToString();
    }

    /// <summary>"Not Found" for 404; nothing for a status .NET does not name (e.g. 499).</summary>
    private static string ReasonPhrase(HttpStatusCode status) =>
        Enum.IsDefined(status) ? System.Text.RegularExpressions.Regex.Replace(status.ToString(), "(?<=[a-z])(?=[A-Z])", " ") : string.Empty;

    private static (string? Message, string? Url) ServerMessage(HttpResponseMessage response, byte[] body)
    {
        var parts = new List<string>();
        if (Header(response.Headers, "X-Error-Message") is { } headerMessage)
        {
            parts.Add(headerMessage);
        }

        string? url = null;
        var mediaType = response.Content.Headers.ContentType?.MediaType;
        if (body.Length > 0)
        {
            if (TryParseJson(body) is { } json)
            {
                using (json)
                {
                    CollectJsonMessages(json.RootElement, parts);
                    if (json.RootElement.ValueKind == JsonValueKind.Object
                        && json.RootElement.TryGetProperty("url", out var u) && u.ValueKind == JsonValueKind.String)
                    {
                        url = JsonText.Of(u);
                    }
                }
            }
            else if (mediaType is not "text/html" && !LooksLikeHtml(body))
            {
                parts.Add(Encoding.UTF8.GetString(body));
            }
        }

        var distinct = parts.Select(Sanitize).Where(p => p.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        return (distinct.Count == 0 ? null : string.Join("\n", distinct), url);
    }

    private static void CollectJsonMessages(JsonElement root, List<string> parts)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        if (root.TryGetProperty("error", out var error))
        {
            var description = root.TryGetProperty("error_description", out var d) && d.ValueKind == JsonValueKind.String ? JsonText.Of(d) : null;
            if (error.ValueKind == JsonValueKind.String)
            {
                parts.Add(description is null ? JsonText.Of(error) : $"{JsonText.Of(error)}: {description}");
            }
            else if (error.ValueKind == JsonValueKind.Array)
            {
                parts.AddRange(error.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(JsonText.Of));
            }
        }

        if (root.TryGetProperty("message", out var message) && message.ValueKind == JsonValueKind.String)
        {
            parts.Add(JsonText.Of(message));
        }

        if (root.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Array)
        {
            foreach (var e in errors.EnumerateArray())
            {
                if (e.ValueKind == JsonValueKind.Object && e.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String)
                {
                    parts.Add(JsonText.Of(m));
                }
            }
        }
    }

    /// <summary>
    /// Server text made safe to print: control characters (an ANSI escape, a bell, a carriage return that rewrites a
    /// terminal line) become U+FFFD; line feeds and tabs stay; at most <see cref="MaxBodyChars"/> characters.
    /// </summary>
    internal static string Sanitize(string text)
    {
        var trimmed = text.Trim();
        if (trimmed.Length > MaxBodyChars)
        {
            trimmed = trimmed[..MaxBodyChars] + "…";
        }

        if (!trimmed.AsSpan().ContainsAnyInRange('\u0000', '\u001f') && !trimmed.AsSpan().ContainsAnyInRange('\u007f', '\u009f'))
        {
            return trimmed;
        }

        return string.Create(trimmed.Length, trimmed, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                var c = source[i];
                span[i] = c is '\n' or '\t' || !char.IsControl(c) ? c : '\uFFFD';
            }
        });
    }

    private static JsonDocument? TryParseJson(byte[] body)
    {
        try
        {
            return JsonDocument.Parse(body);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static bool LooksLikeHtml(byte[] body)
    {
        var head = Encoding.UTF8.GetString(body, 0, Math.Min(body.Length, 256)).TrimStart();
        return head.StartsWith('<');
    }

    internal static string? RequestId(HttpResponseHeaders headers) =>
        Header(headers, "X-Request-Id") ?? Header(headers, "X-Amzn-Trace-Id") ?? Header(headers, "X-Amz-Cf-Id");

    private static string? Header(HttpResponseHeaders headers, string name) =>
        headers.NonValidated.TryGetValues(name, out var values) && values.FirstOrDefault(v => !string.IsNullOrWhiteSpace(v)) is { } value
            ? Sanitize(value)
            : null;

    /// <summary><c>Retry-After</c> (seconds or date), else the <c>t=</c> of a <c>RateLimit: "api";r=0;t=55</c> header.</summary>
    internal static TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        if (response.Headers.RetryAfter is { } retryAfter)
        {
            if (retryAfter.Delta is { } delta)
            {
                return delta;
            }

            if (retryAfter.Date is { } date)
            {
                var wait = date - DateTimeOffset.UtcNow;
                return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
            }
        }

        return RateLimitHeader.Read(response).ResetSeconds is { } seconds ? TimeSpan.FromSeconds(seconds) : null;
    }
}
