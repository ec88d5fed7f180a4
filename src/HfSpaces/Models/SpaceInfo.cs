using System.Text.Json;

namespace HfSpaces;

/// <summary>
/// A Space as <see cref="HfSpacesClient.GetSpaceInfoAsync"/> and <see cref="HfSpacesClient.ListSpacesAsync"/> describe it.
/// Which properties are set depends on what was expanded (<see cref="SpaceExpand"/>); an unset one is null, not a default.
/// </summary>
public sealed record SpaceInfo
{
    /// <summary>The Space.</summary>
    public required SpaceId Id { get; init; }

    /// <summary>The owner (user or organisation).</summary>
    public string? Author { get; init; }

    /// <summary>The latest commit.</summary>
    public string? Sha { get; init; }

    /// <summary>When it was created.</summary>
    public DateTimeOffset? CreatedAt { get; init; }

    /// <summary>When it last changed.</summary>
    public DateTimeOffset? LastModified { get; init; }

    /// <summary>True when private.</summary>
    public bool? Private { get; init; }

    /// <summary>How access requests are handled; <see cref="SpaceGating.Off"/> when the Space is not gated.</summary>
    public SpaceGating? Gated { get; init; }

    /// <summary>True when the Hub disabled it.</summary>
    public bool? Disabled { get; init; }

    /// <summary>The <c>*.hf.space</c> subdomain.</summary>
    public string? Subdomain { get; init; }

    /// <summary>Likes.</summary>
    public int? Likes { get; init; }

    /// <summary>The SDK it is built with.</summary>
    public SpaceSdk? Sdk { get; init; }

    /// <summary>Its tags.</summary>
    public IReadOnlyList<string>? Tags { get; init; }

    /// <summary>The trending score.</summary>
    public double? TrendingScore { get; init; }

    /// <summary>Bytes of storage used.</summary>
    public long? UsedStorage { get; init; }

    /// <summary>The runtime, when expanded (<see cref="SpaceExpand.Runtime"/>) or in the default info.</summary>
    public SpaceRuntime? Runtime { get; init; }

    /// <summary>The whole JSON answer, for properties this SDK does not model. <c>default</c> when built by hand.</summary>
    public JsonElement Raw { get; init; }
}
