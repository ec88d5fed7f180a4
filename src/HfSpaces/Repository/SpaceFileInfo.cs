namespace HfSpaces;

/// <summary>A file or folder of a Space's repository, as the Hub's tree and paths-info list it.</summary>
public sealed record SpaceFileInfo
{
    /// <summary>The path from the repository's root, <c>/</c>-separated (<c>src/app.py</c>).</summary>
    public required string Path { get; init; }

    /// <summary>True for a folder.</summary>
    public bool IsDirectory { get; init; }

    /// <summary>The file's size in bytes (for an LFS file, of its content, not its pointer); 0 for a folder.</summary>
    public long Size { get; init; }

    /// <summary>
    /// The git object id: for a file, the SHA-1 of <c>blob &lt;size&gt;\0</c> and its bytes (for an LFS file, of its
    /// pointer); for a folder, its tree id.
    /// </summary>
    public required string BlobId { get; init; }

    /// <summary>For a file stored in LFS: its SHA-256 and sizes; null for a regular file or a folder.</summary>
    public SpaceLfsInfo? Lfs { get; init; }

    /// <summary>The last commit, when asked for (expand).</summary>
    public SpaceLastCommit? LastCommit { get; init; }
}

/// <summary>How an LFS file is stored.</summary>
public sealed record SpaceLfsInfo
{
    /// <summary>SHA-256 of the file's bytes, lower-case hex.</summary>
    public required string Sha256 { get; init; }

    /// <summary>The file's size in bytes.</summary>
    public long Size { get; init; }

    /// <summary>The size of the pointer file git stores in its place.</summary>
    public long PointerSize { get; init; }
}

/// <summary>The commit that last changed a path.</summary>
public sealed record SpaceLastCommit
{
    /// <summary>The commit id (40 hex).</summary>
    public required string Id { get; init; }

    /// <summary>Its summary line.</summary>
    public string? Title { get; init; }

    /// <summary>When it was made.</summary>
    public DateTimeOffset? Date { get; init; }
}
