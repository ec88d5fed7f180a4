namespace HfSpaces;

/// <summary>The Hub rate-limited the token (429) and the client's retries did not get through.</summary>
public class HfSpacesRateLimitedException : HfSpacesException
{
    /// <summary>Creates the exception.</summary>
    public HfSpacesRateLimitedException(string message, HfSpacesErrorDetails details, Exception? innerException = null)
        : base(message, details, innerException)
    {
    }

    /// <summary>How long the Hub asked to wait, if it said.</summary>
    public TimeSpan? RetryAfter => Details.RetryAfter;
}
