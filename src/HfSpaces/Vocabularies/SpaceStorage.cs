namespace HfSpaces;

/// <summary>A persistent storage tier: <c>small</c>, <c>medium</c> or <c>large</c> (deprecated by the Hub in favour of volumes).</summary>
[ExtensibleEnum("SpaceStorage")]
public readonly partial struct SpaceStorage;
