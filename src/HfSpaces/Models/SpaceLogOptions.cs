namespace HfSpaces;

/// <summary>What <see cref="HfSpacesClient.StreamLogsAsync"/> reads.</summary>
public sealed class SpaceLogOptions
{
    /// <summary><see cref="SpaceLogType.Run"/> (default) or <see cref="SpaceLogType.Build"/>.</summary>
    public SpaceLogType Type { get; init; } = SpaceLogType.Run;

    /// <summary>When true, keep reading until the stream ends or the token is cancelled; when false (default), stop once the Hub has been silent for <see cref="IdleTimeout"/>.</summary>
    public bool Follow { get; init; }

    /// <summary>Silence after which a non-follow read ends. Default 5 s (as huggingface_hub).</summary>
    public TimeSpan IdleTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Only the last N lines before following; null for the Hub's default.</summary>
    public int? Tail { get; init; }
}
