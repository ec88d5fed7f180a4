namespace HfSpaces;

/// <summary>A secret's metadata. The Hub never returns secret values.</summary>
/// <param name="Key">The secret's name.</param>
/// <param name="Description">Its description, if set.</param>
/// <param name="UpdatedAt">When it last changed, if the Hub says.</param>
public sealed record SpaceSecret(string Key, string? Description, DateTimeOffset? UpdatedAt);
