namespace HfSpaces;

/// <summary>How far a file of a commit, a sync or a download has got: read to hash it, sent to the Hub, or received.</summary>
public sealed record SpaceTransferProgress
{
    /// <summary>The file's path in the repository.</summary>
    public required string Path { get; init; }

    /// <summary>What is being done with it.</summary>
    public SpaceTransferPhase Phase { get; init; }

    /// <summary>Bytes of the file done in this phase so far.</summary>
    public long Bytes { get; init; }

    /// <summary>The file's size.</summary>
    public long TotalBytes { get; init; }
}

/// <summary>The phases of a file in a commit, a sync or a download.</summary>
public enum SpaceTransferPhase
{
    /// <summary>Read to compute its blob id and SHA-256 (sync), or its first bytes (commit).</summary>
    Hashing,

    /// <summary>Sent to the Hub (in the commit, or to LFS storage).</summary>
    Uploading,

    /// <summary>Received from the Hub (<see cref="HfSpacesClient.DownloadFolderAsync"/>).</summary>
    Downloading,
}
