namespace HfSpaces;

/// <summary>A template a new Space can start from (<see cref="CreateSpaceOptions.Template"/>).</summary>
public sealed record SpaceTemplate
{
    /// <summary>Its display name.</summary>
    public required string Name { get; init; }

    /// <summary>The template Space, <c>namespace/name</c>: the value to pass as <see cref="CreateSpaceOptions.Template"/>.</summary>
    public required string RepoId { get; init; }

    /// <summary>The SDK it uses.</summary>
    public SpaceSdk? Sdk { get; init; }

    /// <summary>True when Spaces made from it should rather be private (e.g. notebooks).</summary>
    public bool PreferredPrivate { get; init; }
}
