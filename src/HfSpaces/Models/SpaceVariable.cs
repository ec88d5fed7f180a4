namespace HfSpaces;

/// <summary>A public environment variable of a Space.</summary>
/// <param name="Key">The variable's name.</param>
/// <param name="Value">Its value.</param>
/// <param name="Description">Its description, if set.</param>
/// <param name="UpdatedAt">When it last changed, if the Hub says.</param>
public sealed record SpaceVariable(string Key, string Value, string? Description, DateTimeOffset? UpdatedAt);
