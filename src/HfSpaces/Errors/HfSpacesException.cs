using System.Net;

namespace HfSpaces;

/// <summary>
/// Every failure of a Hub call: an error status, an unreadable response, a timeout or a broken connection. Subclasses
/// exist where callers branch: <see cref="HfSpacesNotFoundException"/>, <see cref="HfSpacesUnauthorizedException"/>,
/// <see cref="HfSpacesForbiddenException"/>, <see cref="HfSpacesConflictException"/>, <see cref="HfSpacesRateLimitedException"/>.
/// Cancellation through the caller's token stays an <see cref="OperationCanceledException"/>.
/// </summary>
public class HfSpacesException : Exception
{
    /// <summary>Creates an exception for a failed call.</summary>
    public HfSpacesException(string message, HfSpacesErrorDetails details, Exception? innerException = null)
        : base(message, innerException)
    {
        ArgumentNullException.ThrowIfNull(details);
        Details = details;
    }

    /// <summary>What the Hub answered, when it answered.</summary>
    public HfSpacesErrorDetails Details { get; }

    /// <summary>The HTTP status, or null when no response arrived (timeout, connection failure).</summary>
    public HttpStatusCode? StatusCode => Details.StatusCode;

    /// <summary>The Hub's machine-readable <c>X-Error-Code</c> header (e.g. <c>RepoNotFound</c>), if any.</summary>
    public string? ErrorCode => Details.ErrorCode;

    /// <summary>The Hub's own message (<c>X-Error-Message</c> header and the body's <c>error</c>), if any.</summary>
    public string? ServerMessage => Details.ServerMessage;

    /// <summary>The request id to quote to Hugging Face support (<c>X-Request-Id</c>, <c>X-Amzn-Trace-Id</c> or <c>X-Amz-Cf-Id</c>).</summary>
    public string? RequestId => Details.RequestId;

    /// <summary>The kind of failure, for the retry policy.</summary>
    internal Http.HubFailure Failure { get; init; }

    /// <summary>
    /// True when the same call may succeed later: exactly what the SDK's retry policy retries for a read — 429, 502, 503,
    /// 504, timeouts and broken or refused connections. False for an answer that cannot be read (too large, corrupt,
    /// not the promised shape) and for every other status, which would fail the same way again.
    /// </summary>
    public bool IsTransient => Resilience.RetryHandler.IsTransient(this);
}
