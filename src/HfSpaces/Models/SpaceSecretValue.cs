namespace HfSpaces;

/// <summary>A secret to give a new Space (see <see cref="DuplicateSpaceOptions.Secrets"/>). <see cref="ToString"/> never shows the value.</summary>
public sealed class SpaceSecretValue
{
    /// <summary>Creates a secret.</summary>
    /// <exception cref="ArgumentException">The key is empty or blank.</exception>
    public SpaceSecretValue(string key, string value, string? description = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        ArgumentNullException.ThrowIfNull(value);
        Key = key;
        Value = value;
        Description = description;
    }

    /// <summary>The secret's name.</summary>
    public string Key { get; }

    /// <summary>The secret's value.</summary>
    public string Value { get; }

    /// <summary>Its description.</summary>
    public string? Description { get; }

    /// <summary>The key only; the value is masked.</summary>
    public override string ToString() => $"{Key}=***";
}
