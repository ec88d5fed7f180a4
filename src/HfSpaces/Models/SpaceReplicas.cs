namespace HfSpaces;

/// <summary>Replicas of a Space.</summary>
public sealed record SpaceReplicas
{
    /// <summary>The requested count; null when the Hub asks for <c>auto</c> scaling (see <see cref="IsAuto"/>).</summary>
    public int? Requested { get; init; }

    /// <summary>The running count, when reported.</summary>
    public int? Current { get; init; }

    /// <summary>True when the requested count is <c>auto</c>.</summary>
    public bool IsAuto { get; init; }
}
