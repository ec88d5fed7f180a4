namespace HfSpaces;

/// <summary>A variable to give a new Space (see <see cref="DuplicateSpaceOptions.Variables"/>).</summary>
public sealed record SpaceVariableValue
{
    /// <summary>Creates a SpaceVariableValue.</summary>
    /// <param name="key">The variable's name.</param>
    /// <param name="value">Its value.</param>
    /// <param name="description">Its description.</param>
    public SpaceVariableValue(string key, string value, string? description = null)
    {
        Key = key;
        Value = value;
        Description = description;
    }

    /// <summary>The variable's name.</summary>
    public string Key { get; }

    /// <summary>Its value.</summary>
    public string Value { get; }

    /// <summary>Its description.</summary>
    public string? Description { get; }
}
