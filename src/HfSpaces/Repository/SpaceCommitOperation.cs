namespace HfSpaces;

/// <summary>
/// One change of a commit: a file added or replaced (from bytes, a stream or a local file), or a file or folder
/// deleted. Paths are relative and <c>/</c>-separated (<c>src/app.py</c>); they are checked before anything is sent.
/// </summary>
public abstract class SpaceCommitOperation
{
    private protected SpaceCommitOperation(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        Path = path;
    }

    /// <summary>The path in the repository.</summary>
    public string Path { get; }

    /// <summary>Adds or replaces <paramref name="path"/> with <paramref name="content"/>.</summary>
    public static SpaceCommitOperation Add(string path, byte[] content)
    {
        ArgumentNullException.ThrowIfNull(content);
        return new AddFile(path, content.LongLength, () => new MemoryStream(content, writable: false));
    }

    /// <summary>Adds or replaces <paramref name="path"/> with the file at <paramref name="localPath"/> (read when the commit is sent, not before).</summary>
    public static SpaceCommitOperation AddFromFile(string path, string localPath)
    {
        ArgumentException.ThrowIfNullOrEmpty(localPath);
        var info = new FileInfo(localPath);
        if (!info.Exists)
        {
            throw new FileNotFoundException($"No file {localPath} to commit as {path}.", localPath);
        }

        return new AddFile(path, info.Length, () => new FileStream(localPath, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, FileOptions.Asynchronous | FileOptions.SequentialScan));
    }

    /// <summary>
    /// Adds or replaces <paramref name="path"/> with <paramref name="size"/> bytes that <paramref name="open"/> reads; it
    /// may be called more than once (to hash, then to send, and again on a retry), and must give the same bytes each time.
    /// </summary>
    public static SpaceCommitOperation AddFromStream(string path, long size, Func<Stream> open)
    {
        ArgumentNullException.ThrowIfNull(open);
        ArgumentOutOfRangeException.ThrowIfNegative(size);
        return new AddFile(path, size, open);
    }

    /// <summary>Deletes the file at <paramref name="path"/> (the Hub answers 404 if it is not there).</summary>
    public static SpaceCommitOperation Delete(string path) => new DeleteFile(path);

    /// <summary>Deletes the folder <paramref name="path"/> and everything in it.</summary>
    public static SpaceCommitOperation DeleteFolder(string path) => new DeleteFolderOperation(path);

    /// <inheritdoc/>
    public override string ToString() => $"{GetType().Name} {Path}";

    internal sealed class AddFile(string path, long size, Func<Stream> open) : SpaceCommitOperation(path)
    {
        public long Size { get; } = size;

        public Stream Open() => open();
    }

    internal sealed class DeleteFile(string path) : SpaceCommitOperation(path);

    internal sealed class DeleteFolderOperation(string path) : SpaceCommitOperation(path);
}
