using System.Net;

namespace HfSpaces;

/// <summary>The parts of a failed call that are safe to show: never the token, never a request body.</summary>
public sealed record HfSpacesErrorDetails
{
    /// <summary>The HTTP method.</summary>
    public required string Method { get; init; }

    /// <summary>The request path, e.g. <c>/api/spaces/alice/demo/runtime</c>.</summary>
    public required string Path { get; init; }

    /// <summary>The status, or null when no response arrived.</summary>
    public HttpStatusCode? StatusCode { get; init; }

    /// <summary>The <c>X-Error-Code</c> header.</summary>
    public string? ErrorCode { get; init; }

    /// <summary>The Hub's message from the <c>X-Error-Message</c> header and the body.</summary>
    public string? ServerMessage { get; init; }

    /// <summary>The request id.</summary>
    public string? RequestId { get; init; }

    /// <summary>For 409 answers to a duplicate: the URL of the Space that already exists, when the body names it.</summary>
    public string? ExistingUrl { get; init; }

    /// <summary>For 429 answers: how long the Hub asked to wait (<c>Retry-After</c>, or <c>RateLimit</c>'s <c>t=</c>).</summary>
    public TimeSpan? RetryAfter { get; init; }
}
