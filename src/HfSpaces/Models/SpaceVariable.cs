namespace HfSpaces;

/// <summary>A public environment variable of a Space.</summary>
public sealed record SpaceVariable
{
    /// <summary>The variable's name.</summary>
    public required string Key { get; init; }

    /// <summary>Its value.</summary>
    public required string Value { get; init; }

    /// <summary>Its description, if set.</summary>
    public string? Description { get; init; }

    /// <summary>When it last changed, if the Hub says.</summary>
    public DateTimeOffset? UpdatedAt { get; init; }
}
