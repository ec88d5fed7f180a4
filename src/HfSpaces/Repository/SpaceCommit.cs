namespace HfSpaces;

/// <summary>A commit the Hub made (<see cref="HfSpacesClient.CommitAsync"/>).</summary>
public sealed record SpaceCommit
{
    /// <summary>The commit id (40 hex): the Space's new <c>sha</c>, the one it rebuilds.</summary>
    public required string Id { get; init; }

    /// <summary>The commit's page.</summary>
    public required Uri Url { get; init; }

    /// <summary>The pull request opened, with <see cref="SpaceCommitOptions.CreatePullRequest"/>.</summary>
    public Uri? PullRequestUrl { get; init; }
}

/// <summary>How to commit (<see cref="HfSpacesClient.CommitAsync"/>).</summary>
public sealed class SpaceCommitOptions
{
    /// <summary>The commit's longer text, after its summary.</summary>
    public string? Description { get; init; }

    /// <summary>
    /// The commit the change is based on: when the branch has moved since (someone else committed), the Hub refuses the
    /// commit and the call throws <see cref="HfSpacesConflictException"/> instead of overwriting their change.
    /// </summary>
    public string? ParentCommit { get; init; }

    /// <summary>Open a pull request with the change instead of committing to the branch (no rebuild).</summary>
    public bool CreatePullRequest { get; init; }

    /// <summary>The branch to commit to. Default <c>main</c> (the one the Space runs: a commit to it rebuilds the Space).</summary>
    public string Revision { get; init; } = "main";

    /// <summary>
    /// Ask a running gradio Space to reload the changed Python files in place instead of rebuilding (the Hub's
    /// <c>hot_reload=1</c>, experimental). <see cref="SpaceRuntime.HotReloading"/> reports how it went.
    /// </summary>
    public bool HotReload { get; init; }
}

/// <summary>What a download read (<see cref="HfSpacesClient.DownloadFileAsync"/>).</summary>
public sealed record SpaceFileDownload
{
    /// <summary>The commit the file was read at (<c>X-Repo-Commit</c>), when the Hub says.</summary>
    public string? CommitId { get; init; }

    /// <summary>The file's ETag as the Hub sent it (a blob id or, for LFS files, the SHA-256), without quotes.</summary>
    public string? ETag { get; init; }

    /// <summary>Bytes written to the destination.</summary>
    public long Length { get; init; }
}

/// <summary>What <see cref="HfSpacesClient.DownloadFolderAsync"/> wrote.</summary>
public sealed record SpaceFolderDownload
{
    /// <summary>The commit the files are from (the revision asked for, resolved before the first file).</summary>
    public required string CommitId { get; init; }

    /// <summary>The folder's full path.</summary>
    public required string Folder { get; init; }

    /// <summary>Files written.</summary>
    public int Files { get; init; }

    /// <summary>Bytes written.</summary>
    public long Bytes { get; init; }
}
