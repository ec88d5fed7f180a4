namespace HfSpaces;

/// <summary>
/// What a sync would do, computed before anything is sent: the files to add, change and delete (compared by content
/// hash with the Space's tree), those left out and why. <see cref="HfSpacesClient.SyncFolderAsync"/> commits exactly this.
/// </summary>
public sealed record SpaceSyncPlan
{
    /// <summary>The Space.</summary>
    public required SpaceId Space { get; init; }

    /// <summary>The commit the comparison was made with: the sync commits on top of it or fails as a conflict.</summary>
    public required string BaseCommit { get; init; }

    /// <summary>Files to add, change or delete, by path.</summary>
    public required IReadOnlyList<SpaceSyncChange> Changes { get; init; }

    /// <summary>Files of the folder left out, and why.</summary>
    public IReadOnlyList<SpaceIgnoredFile> Ignored { get; init; } = [];

    /// <summary>How many files are already as in the folder.</summary>
    public int Unchanged { get; init; }

    /// <summary>True when there is something to commit.</summary>
    public bool HasChanges => Changes.Count > 0;

    /// <summary>Bytes of file content to send.</summary>
    public long BytesToSend => Changes.Where(c => c.Kind != SpaceSyncChangeKind.Delete).Sum(c => c.Size);

    /// <summary>How many changes of a kind.</summary>
    public int Count(SpaceSyncChangeKind kind) => Changes.Count(c => c.Kind == kind);
}

/// <summary>One file a sync sends or deletes.</summary>
public sealed record SpaceSyncChange
{
    /// <summary>Its path in the repository.</summary>
    public required string Path { get; init; }

    /// <summary>Added, changed or deleted.</summary>
    public SpaceSyncChangeKind Kind { get; init; }

    /// <summary>Its size in the folder (the Space's size for a deletion).</summary>
    public long Size { get; init; }

    /// <summary>The file on disk; null for a deletion.</summary>
    public string? LocalPath { get; init; }
}

/// <summary>What a sync does to a file.</summary>
public enum SpaceSyncChangeKind
{
    /// <summary>The Space does not have it.</summary>
    Add,

    /// <summary>The Space has other content at this path.</summary>
    Change,

    /// <summary>The folder does not have it (with <see cref="SpaceSyncOptions.DeleteMissing"/>).</summary>
    Delete,
}

/// <summary>A file of the folder a sync leaves out.</summary>
public sealed record SpaceIgnoredFile
{
    /// <summary>Its path relative to the folder.</summary>
    public required string Path { get; init; }

    /// <summary>Why: the rule that excluded it (<c>.gitignore: *.pyc</c>, <c>.git/ is never sent</c>, <c>not included</c>).</summary>
    public required string Reason { get; init; }
}

/// <summary>What a sync did: its plan, and the commit (null when nothing had changed: no commit, no rebuild).</summary>
public sealed record SpaceSyncResult
{
    /// <summary>The plan it carried out.</summary>
    public required SpaceSyncPlan Plan { get; init; }

    /// <summary>The commit, or null when the Space already had the folder's content.</summary>
    public SpaceCommit? Commit { get; init; }
}
