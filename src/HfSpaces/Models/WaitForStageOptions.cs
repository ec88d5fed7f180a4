namespace HfSpaces;

/// <summary>How <see cref="HfSpacesClient.WaitForStageAsync"/> polls.</summary>
public sealed class WaitForStageOptions
{
    /// <summary>Give up after this long (required: builds can hang on the Hub). Default 10 minutes.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>The first delay between polls; grows by half each poll up to <see cref="MaxPollInterval"/>. Default 1 s.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest delay between polls. Default 10 s.</summary>
    public TimeSpan MaxPollInterval { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Receives every runtime read, including the last one.</summary>
    public IProgress<SpaceRuntime>? Progress { get; init; }
}
