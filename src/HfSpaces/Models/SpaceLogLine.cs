namespace HfSpaces;

/// <summary>One line of a Space's logs.</summary>
/// <param name="Text">The line, without its trailing newline.</param>
/// <param name="Timestamp">When the Space wrote it, if the Hub says.</param>
public sealed record SpaceLogLine(string Text, DateTimeOffset? Timestamp);
