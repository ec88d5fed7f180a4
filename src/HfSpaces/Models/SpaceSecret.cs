namespace HfSpaces;

/// <summary>A secret's metadata. The Hub never returns secret values.</summary>
public sealed record SpaceSecret
{
    /// <summary>The secret's name.</summary>
    public required string Key { get; init; }

    /// <summary>Its description, if set.</summary>
    public string? Description { get; init; }

    /// <summary>When it last changed, if the Hub says.</summary>
    public DateTimeOffset? UpdatedAt { get; init; }
}
