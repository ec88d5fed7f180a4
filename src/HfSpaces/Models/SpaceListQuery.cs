namespace HfSpaces;

/// <summary>Which Spaces <see cref="HfSpacesClient.ListSpacesAsync"/> returns, in what order, with which properties.</summary>
public sealed class SpaceListQuery
{
    /// <summary>Only Spaces of this user or organisation.</summary>
    public string? Author { get; init; }

    /// <summary>Only Spaces whose id contains this text.</summary>
    public string? Search { get; init; }

    /// <summary>Only Spaces with all these tags (e.g. <c>gradio</c>, <c>region:us</c>).</summary>
    public IReadOnlyList<string>? Filter { get; init; }

    /// <summary>Sort key, descending: <c>lastModified</c>, <c>trendingScore</c>, <c>createdAt</c> or <c>likes</c>.</summary>
    public string? Sort { get; init; }

    /// <summary>At most this many Spaces in all (also the page size asked of the Hub); null for every match.</summary>
    public int? Limit { get; init; }

    /// <summary>Properties to include (<see cref="SpaceExpand"/>); not with <see cref="Full"/>.</summary>
    public IReadOnlyList<string>? Expand { get; init; }

    /// <summary>Every property the Hub lists (not with <see cref="Expand"/>).</summary>
    public bool Full { get; init; }
}
