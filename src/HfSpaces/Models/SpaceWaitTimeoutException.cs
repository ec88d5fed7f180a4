namespace HfSpaces;

/// <summary>A Space did not reach a terminal stage within the wait's timeout.</summary>
public sealed class SpaceWaitTimeoutException : TimeoutException
{
    /// <summary>Creates the exception.</summary>
    public SpaceWaitTimeoutException(SpaceId space, TimeSpan timeout, SpaceRuntime lastRuntime)
        : base($"Space {space} was still {lastRuntime.Stage} after {timeout.TotalSeconds:0.#} s.")
    {
        Space = space;
        LastRuntime = lastRuntime;
    }

    /// <summary>The Space waited for.</summary>
    public SpaceId Space { get; }

    /// <summary>The last runtime read.</summary>
    public SpaceRuntime LastRuntime { get; }
}
