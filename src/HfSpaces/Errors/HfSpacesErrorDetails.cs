using System.Net;

namespace HfSpaces;

/// <summary>The parts of a failed call that are safe to show: never the token, never a request body.</summary>
/// <param name="Method">The HTTP method.</param>
/// <param name="Path">The request path, e.g. <c>/api/spaces/alice/demo/runtime</c>.</param>
/// <param name="StatusCode">The status, or null when no response arrived.</param>
/// <param name="ErrorCode">The <c>X-Error-Code</c> header.</param>
/// <param name="ServerMessage">The Hub's message from the <c>X-Error-Message</c> header and the body.</param>
/// <param name="RequestId">The request id.</param>
public sealed record HfSpacesErrorDetails(
    string Method,
    string Path,
    HttpStatusCode? StatusCode,
    string? ErrorCode,
    string? ServerMessage,
    string? RequestId)
{
    /// <summary>For 409 answers to a duplicate: the URL of the Space that already exists, when the body names it.</summary>
    public string? ExistingUrl { get; init; }

    /// <summary>For 429 answers: how long the Hub asked to wait (<c>Retry-After</c>, or <c>RateLimit</c>'s <c>t=</c>).</summary>
    public TimeSpan? RetryAfter { get; init; }
}
