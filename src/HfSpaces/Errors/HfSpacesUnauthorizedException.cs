namespace HfSpaces;

/// <summary>The Hub refused the credentials (401): no token, a revoked or expired one, or one the endpoint does not accept (OAuth device-flow tokens on write endpoints). Never reported as not found.</summary>
public class HfSpacesUnauthorizedException : HfSpacesException
{
    /// <summary>Creates the exception.</summary>
    public HfSpacesUnauthorizedException(string message, HfSpacesErrorDetails details, Exception? innerException = null)
        : base(message, details, innerException)
    {
    }
}
