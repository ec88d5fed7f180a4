namespace HfSpaces;

/// <summary>The token is valid but lacks the right (403): e.g. only the owner can pause, restart or change hardware; read-only tokens cannot write.</summary>
public class HfSpacesForbiddenException : HfSpacesException
{
    /// <summary>Creates the exception.</summary>
    public HfSpacesForbiddenException(string message, HfSpacesErrorDetails details, Exception? innerException = null)
        : base(message, details, innerException)
    {
    }
}
