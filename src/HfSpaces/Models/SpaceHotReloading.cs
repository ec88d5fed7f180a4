namespace HfSpaces;

/// <summary>The state of a hot reload.</summary>
/// <param name="Status"><c>created</c> or <c>canceled</c> (kept as sent).</param>
/// <param name="ReplicaStatuses">Per replica: its id and status (null while pending).</param>
public sealed record SpaceHotReloading(string? Status, IReadOnlyList<KeyValuePair<string, string?>> ReplicaStatuses);
