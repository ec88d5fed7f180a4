namespace HfSpaces;

/// <summary>A variable to give a new Space (see <see cref="DuplicateSpaceOptions.Variables"/>).</summary>
/// <param name="Key">The variable's name.</param>
/// <param name="Value">Its value.</param>
/// <param name="Description">Its description.</param>
public sealed record SpaceVariableValue(string Key, string Value, string? Description = null);
