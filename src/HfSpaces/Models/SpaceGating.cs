namespace HfSpaces;

/// <summary>Whether people must ask for access to a Space, and who approves them (the Hub's <c>gated</c>).</summary>
public enum SpaceGating
{
    /// <summary>Not gated (the Hub's <c>false</c>).</summary>
    Off,

    /// <summary>Access requests are approved automatically (<c>"auto"</c>).</summary>
    Auto,

    /// <summary>Access requests are approved by hand (<c>"manual"</c>).</summary>
    Manual,
}
