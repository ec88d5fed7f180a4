namespace HfSpaces;

/// <summary>The Space (or another resource) does not exist, or the token cannot see it: the Hub answers 404 for private Spaces without access.</summary>
public class HfSpacesNotFoundException : HfSpacesException
{
    /// <summary>Creates the exception.</summary>
    public HfSpacesNotFoundException(string message, HfSpacesErrorDetails details, Exception? innerException = null)
        : base(message, details, innerException)
    {
    }
}
