using HfSpaces.Http;
using HfSpaces.Repository;

namespace HfSpaces;

/// <summary>A whole Space's files into a local folder (huggingface_hub's <c>snapshot_download</c>).</summary>
public partial class HfSpacesClient
{
    /// <summary>
    /// Downloads every file of a Space, at one commit, into <paramref name="folder"/> (created if missing): the revision
    /// is resolved to its commit first, so a commit made meanwhile does not mix two versions. Each file is written beside
    /// its place under a temporary name and moved there whole once its length matches the tree's, so a cut download
    /// leaves no half file; files already in the folder with other names are left alone.
    /// </summary>
    /// <param name="space">The Space.</param>
    /// <param name="folder">Where the files go; their paths below it are the repository's.</param>
    /// <param name="revision">A branch, tag or commit id; default <c>main</c>.</param>
    /// <param name="progress">Bytes written per file, as they arrive.</param>
    /// <param name="cancellationToken">Cancels the download; the files written so far stay, the one under way is removed.</param>
    /// <exception cref="HfSpacesException">The Hub refused, or sent a file whose length is not the tree's (not written).</exception>
    public virtual async Task<SpaceFolderDownload> DownloadFolderAsync(SpaceId space, string folder, string? revision = null, IProgress<SpaceTransferProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        var root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder));
        var commit = await GetCommitIdAsync(space, revision, cancellationToken).ConfigureAwait(false);
        var files = new List<SpaceFileInfo>();
        await foreach (var entry in ListFilesAsync(space, recursive: true, revision: commit, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (!entry.IsDirectory)
            {
                files.Add(entry);
            }
        }

        long bytes = 0;
        foreach (var file in files)
        {
            // Inside the folder: a tree path with "..", an absolute path or .git/ was refused as the tree was read (FileModels).
            bytes += await DownloadOneAsync(space, commit, file, Path.Combine(root, file.Path), progress, cancellationToken).ConfigureAwait(false);
        }

        return new SpaceFolderDownload { CommitId = commit, Folder = root, Files = files.Count, Bytes = bytes };
    }

    private async Task<long> DownloadOneAsync(SpaceId space, string commit, SpaceFileInfo file, string target, IProgress<SpaceTransferProgress>? progress, CancellationToken cancellationToken)
    {
        var listed = file.Lfs?.Size ?? file.Size;
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var partial = Path.Combine(Path.GetDirectoryName(target)!, $".{Path.GetFileName(target)}.{Guid.NewGuid():N}.part");
        try
        {
            long length;
            var stream = new FileStream(partial, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true);
            await using (stream.ConfigureAwait(false))
            {
                var written = progress is null ? null : new InlineProgress<long>(n => progress.Report(new SpaceTransferProgress { Path = file.Path, Phase = SpaceTransferPhase.Downloading, Bytes = n, TotalBytes = listed }));
                length = (await DownloadToAsync(space, file.Path, stream, commit, written, cancellationToken).ConfigureAwait(false)).Length;
            }

            if (length != listed)
            {
                throw HubErrors.DownloadMismatch($"/spaces/{space}/resolve/{commit}/{file.Path}", listed, length);
            }

            File.Move(partial, target, overwrite: true);
            return length;
        }
        finally
        {
            File.Delete(partial); // gone already when it was moved
        }
    }
}
