namespace HfSpaces;

/// <summary>How <see cref="HfSpacesClient.SyncFolderAsync"/> compares a local folder with a Space and what it sends.</summary>
public sealed class SpaceSyncOptions
{
    /// <summary>The commit's summary line. Default "Sync from hf-spaces".</summary>
    public string Message { get; init; } = "Sync from HfSpaces";

    /// <summary>The commit's longer text.</summary>
    public string? Description { get; init; }

    /// <summary>
    /// Also delete the Space's files that the folder does not have (like <c>aws s3 sync --delete</c>). Files the folder's
    /// ignore rules exclude are kept, and so are <c>README.md</c> and <c>.gitattributes</c> unless the folder has its own.
    /// </summary>
    public bool DeleteMissing { get; init; }

    /// <summary>Only files matching one of these globs (<c>**/*.py</c>, <c>app.py</c>) are considered; empty: all.</summary>
    public IReadOnlyList<string> Include { get; init; } = [];

    /// <summary>More files to leave out, as <c>.gitignore</c> lines (on top of the folder's <c>.gitignore</c> and <c>.hfignore</c>).</summary>
    public IReadOnlyList<string> Ignore { get; init; } = [];

    /// <summary>
    /// Globs of files that look like credentials (<c>.env</c>, <c>*.pem</c>, a token inside) to send anyway. By default
    /// such files refuse the whole sync (<see cref="SpaceCredentialFilesException"/>): a secret belongs in the Space's
    /// secrets, never in its repository.
    /// </summary>
    public IReadOnlyList<string> AllowCredentialFiles { get; init; } = [];

    /// <summary>The branch to compare with and commit to. Default <c>main</c>.</summary>
    public string Revision { get; init; } = "main";

    /// <summary>Commit with <see cref="SpaceCommitOptions.HotReload"/>: a running gradio Space reloads its Python files without a rebuild.</summary>
    public bool HotReload { get; init; }
}
