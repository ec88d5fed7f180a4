namespace HfSpaces.Http;

/// <summary>What went wrong in an exchange: the retry policy decides on this, not on exception types.</summary>
internal enum HubFailure
{
    /// <summary>The Hub answered with an error status (or a redirect the SDK does not follow).</summary>
    Status,

    /// <summary>No connection was made: nothing reached the Hub, so any request may be sent again.</summary>
    NotConnected,

    /// <summary>The connection broke after the request was (maybe) sent: only idempotent requests may be sent again.</summary>
    Transport,

    /// <summary>No complete answer within the per-try timeout.</summary>
    Timeout,

    /// <summary>The request's own body could not be written (a file changed while it was sent): the Hub got a broken body, nothing to retry.</summary>
    BodyFailed,

    /// <summary>The answer arrived but cannot be read (corrupt compression, too large, not the promised format).</summary>
    Unreadable,
}
