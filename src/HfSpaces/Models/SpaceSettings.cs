namespace HfSpaces;

/// <summary>Changes for <see cref="HfSpacesClient.UpdateSettingsAsync"/>; at least one must be set, unset ones are not sent.</summary>
public sealed class SpaceSettings
{
    /// <summary>The new visibility.</summary>
    public SpaceVisibility? Visibility { get; init; }

    /// <summary>The new gating.</summary>
    public SpaceGating? Gated { get; init; }
}
