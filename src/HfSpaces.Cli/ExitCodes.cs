namespace HfSpaces.Cli;

/// <summary>What the process exit code tells a script.</summary>
public static class ExitCodes
{
    /// <summary>Done.</summary>
    public const int Success = 0;

    /// <summary>A bug: an exception the CLI did not expect.</summary>
    public const int Unexpected = 1;

    /// <summary>The command line or an argument is wrong (unknown option, invalid Space id, unknown flavor…).</summary>
    public const int Usage = 2;

    /// <summary>The Space (or another resource) does not exist, or the token cannot see it.</summary>
    public const int NotFound = 3;

    /// <summary>No token, a refused token (401), or not allowed (403).</summary>
    public const int Auth = 4;

    /// <summary>The Hub refused the request or failed (400, 409, 429, 5xx), or could not be reached.</summary>
    public const int HubFailure = 5;

    /// <summary><c>wait</c> gave up before the Space reached a terminal stage.</summary>
    public const int Timeout = 6;

    /// <summary><c>wait</c> ended on a stage that is not RUNNING: an error (BUILD_ERROR, RUNTIME_ERROR, CONFIG_ERROR, NO_APP_FILE), PAUSED, STOPPED…</summary>
    public const int NotRunning = 7;

    /// <summary>Interrupted (Ctrl+C).</summary>
    public const int Cancelled = 130;
}
