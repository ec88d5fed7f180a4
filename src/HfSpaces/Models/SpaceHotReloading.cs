namespace HfSpaces;

/// <summary>The state of a hot reload.</summary>
public sealed record SpaceHotReloading
{
    /// <summary><c>created</c> or <c>canceled</c> (kept as sent).</summary>
    public string? Status { get; init; }

    /// <summary>Per replica: its id and status (null while pending).</summary>
    public required IReadOnlyList<KeyValuePair<string, string?>> ReplicaStatuses { get; init; }
}
