using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace HfSpaces.Http;

/// <summary>The one place where a failed exchange becomes an <see cref="HfSpacesException"/> (hub-contract.md (d)).</summary>
internal static class HubErrors
{
    private const int MaxBodyChars = 2000;

    public static HfSpacesException FromResponse(HttpRequestMessage request, HttpResponseMessage response, byte[] body, string tokenSource)
    {
        var status = response.StatusCode;
        var errorCode = Header(response.Headers, "X-Error-Code");
        var (serverMessage, existingUrl) = ServerMessage(response, body);
        var details = new HfSpacesErrorDetails(
            request.Method.Method,
            request.RequestUri?.AbsolutePath ?? string.Empty,
            status,
            errorCode,
            serverMessage,
            RequestId(response.Headers))
        {
            ExistingUrl = existingUrl,
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
            HttpStatusCode.Conflict => new HfSpacesConflictException(Describe(details, null), details),
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
        var details = new HfSpacesErrorDetails(
            request.Method.Method,
            request.RequestUri?.AbsolutePath ?? string.Empty,
            response.StatusCode,
            Header(response.Headers, "X-Error-Code"),
            null,
            RequestId(response.Headers));
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
        var details = new HfSpacesErrorDetails(
            request.Method.Method,
            request.RequestUri?.AbsolutePath ?? string.Empty,
            response?.StatusCode,
            response is null ? null : Header(response.Headers, "X-Error-Code"),
            null,
            response is null ? null : RequestId(response.Headers));
        return new HfSpacesException($"{details.Method} {details.Path} failed: {Sanitize(what)}", details, inner) { Failure = failure };
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

        if (Header(response.Headers, "RateLimit") is { } rateLimit)
        {
            foreach (var part in rateLimit.Split(';'))
            {
                var p = part.Trim();
                if (p.StartsWith("t=", StringComparison.Ordinal)
                    && int.TryParse(p.AsSpan(2), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
                {
                    return TimeSpan.FromSeconds(seconds);
                }
            }
        }

        return null;
    }
}
