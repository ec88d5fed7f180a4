namespace HfSpaces.Manifests;

/// <summary>
/// What code a Space runs: a local folder (<c>source: ./spaces/chat</c>, relative to the manifest) synced as
/// <c>hf-spaces deploy</c> does — only what changed, in one commit, ignore rules and the credential check applied.
/// </summary>
public sealed record SpaceSource
{
    /// <summary>The folder as the manifest writes it.</summary>
    public required string Path { get; init; }

    /// <summary>More files to leave out, as <c>.gitignore</c> lines (the folder's <c>.gitignore</c> and <c>.hfignore</c> apply too).</summary>
    public IReadOnlyList<string> Ignore { get; init; } = [];

    /// <summary>Delete the Space's files the folder does not have.</summary>
    public bool DeleteMissing { get; init; }

    /// <summary>The folder, resolved against the manifest's folder (or the current one, for a manifest read from text).</summary>
    public string Resolve(string? manifestDirectory) =>
        System.IO.Path.GetFullPath(Path, manifestDirectory ?? Environment.CurrentDirectory);
}
