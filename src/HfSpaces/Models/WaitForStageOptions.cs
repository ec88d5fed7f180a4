namespace HfSpaces;

/// <summary>How <see cref="HfSpacesClient.WaitForStageAsync"/> polls.</summary>
public sealed class WaitForStageOptions
{
    /// <summary>Give up after this long (required: builds can hang on the Hub). Default 10 minutes.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// The request budget: a wait never makes more requests (runtime reads and build-log streams together) than reading
    /// the runtime every <see cref="PollInterval"/> would have made by then. While the application starts it reads every
    /// half interval when earlier waiting saved requests, else every interval. Default 1 s, as <c>huggingface_hub</c>'s
    /// <c>wait_for_space</c>.
    /// </summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// The longest delay between reads while the build log is watched (its end wakes the wait; reads are then only a safety
    /// net, their gaps doubling from two intervals). Default 10 s.
    /// </summary>
    public TimeSpan MaxPollInterval { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Follow the build log while the image builds and read the runtime as soon as it ends (default true). One request
    /// per build; a log that cannot be read (a token without access, a failed stream) only means polling.
    /// </summary>
    public bool WatchBuildLog { get; init; } = true;

    /// <summary>Receives every runtime read, including the last one.</summary>
    public IProgress<SpaceRuntime>? Progress { get; init; }
}
