namespace HfSpaces;

/// <summary>One line of a Space's logs.</summary>
public sealed record SpaceLogLine
{
    /// <summary>The line, without its trailing newline.</summary>
    public required string Text { get; init; }

    /// <summary>When the Space wrote it, if the Hub says.</summary>
    public DateTimeOffset? Timestamp { get; init; }
}
