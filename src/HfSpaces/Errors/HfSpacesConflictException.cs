namespace HfSpaces;

/// <summary>
/// The operation conflicts with the current state: 409 (the duplicate's target already exists) or 412 (a commit's parent is
/// not the branch's head any more: someone else committed first).
/// </summary>
public class HfSpacesConflictException : HfSpacesException
{
    /// <summary>Creates the exception.</summary>
    public HfSpacesConflictException(string message, HfSpacesErrorDetails details, Exception? innerException = null)
        : base(message, details, innerException)
    {
    }

    /// <summary>For a commit refused as stale: the branch's head now, when it could be read (commit on top of it, or merge first).</summary>
    public string? CurrentCommit { get; init; }
}
