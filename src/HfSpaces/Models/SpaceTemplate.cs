namespace HfSpaces;

/// <summary>A template a new Space can start from (<see cref="CreateSpaceOptions.Template"/>).</summary>
/// <param name="Name">Its display name.</param>
/// <param name="RepoId">The template Space, <c>namespace/name</c>: the value to pass as <see cref="CreateSpaceOptions.Template"/>.</param>
/// <param name="Sdk">The SDK it uses.</param>
/// <param name="PreferredPrivate">True when Spaces made from it should rather be private (e.g. notebooks).</param>
public sealed record SpaceTemplate(string Name, string RepoId, SpaceSdk? Sdk, bool PreferredPrivate);
