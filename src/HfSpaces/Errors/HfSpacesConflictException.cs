namespace HfSpaces;

/// <summary>The operation conflicts with the current state (409), e.g. the duplicate's target already exists.</summary>
public class HfSpacesConflictException : HfSpacesException
{
    /// <summary>Creates the exception.</summary>
    public HfSpacesConflictException(string message, HfSpacesErrorDetails details, Exception? innerException = null)
        : base(message, details, innerException)
    {
    }
}
