namespace HfSpaces.Emulator.Repository;

/// <summary>One operation of a commit, validated: a file put at a path, or a file or folder removed.</summary>
internal abstract record RepoChange(string Path)
{
    public sealed record Put(string Path, RepoFile File) : RepoChange(Path);

    public sealed record DeleteFile(string Path) : RepoChange(Path);

    public sealed record DeleteFolder(string Path) : RepoChange(Path);
}
