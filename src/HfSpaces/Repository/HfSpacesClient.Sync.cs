using HfSpaces.Repository;

namespace HfSpaces;

/// <summary>A local folder kept in sync with a Space: the plan first, then one commit with only what changed.</summary>
public partial class HfSpacesClient
{
    /// <summary>Files the Hub keeps a Space's configuration in: a sync with DeleteMissing leaves them unless the folder has its own.</summary>
    private static readonly string[] KeptFiles = ["README.md", ".gitattributes"];

    /// <summary>
    /// Compares a local folder with a Space's files, sending nothing: each file's git blob id (or, against an LFS file, its
    /// SHA-256) with the Space's tree, computed in one read of the file. The plan names what a sync would add, change and
    /// (with <see cref="SpaceSyncOptions.DeleteMissing"/>) delete, and what it leaves out.
    /// </summary>
    /// <exception cref="SpaceCredentialFilesException">Files look like credentials and are not allowed on purpose.</exception>
    /// <exception cref="DirectoryNotFoundException">No such folder.</exception>
    public virtual async Task<SpaceSyncPlan> PlanSyncAsync(SpaceId space, string folder, SpaceSyncOptions? options = null, IProgress<SpaceTransferProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(folder);
        options ??= new SpaceSyncOptions();
        var revision = RepoPath.Revision(options.Revision, nameof(options));
        var (files, ignored) = FolderScanner.Scan(folder, options);
        var credentials = FolderScanner.Credentials(files, options.AllowCredentialFiles);
        if (credentials.Count > 0)
        {
            throw new SpaceCredentialFilesException(credentials);
        }

        var head = await GetCommitIdAsync(space, revision, cancellationToken).ConfigureAwait(false);
        var remote = new Dictionary<string, SpaceFileInfo>(StringComparer.Ordinal);
        await foreach (var entry in ListFilesAsync(space, recursive: true, revision: head, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (!entry.IsDirectory)
            {
                remote[entry.Path] = entry;
            }
        }

        var changes = new List<SpaceSyncChange>();
        var unchanged = 0;
        foreach (var file in files)
        {
            cancellationToken.ThrowIfCancellationRequested();
            remote.TryGetValue(file.Path, out var there);
            if (there is not null && await SameContentAsync(file, there, progress, cancellationToken).ConfigureAwait(false))
            {
                unchanged++;
                continue;
            }

            changes.Add(new SpaceSyncChange { Path = file.Path, Kind = there is null ? SpaceSyncChangeKind.Add : SpaceSyncChangeKind.Change, Size = file.Size, LocalPath = file.FullPath });
        }

        if (options.DeleteMissing)
        {
            var local = files.Select(f => f.Path).Concat(ignored.Select(i => i.Path)).ToHashSet(StringComparer.Ordinal);
            changes.AddRange(remote.Values
                .Where(r => !local.Contains(r.Path) && Array.IndexOf(KeptFiles, r.Path) < 0)
                .OrderBy(r => r.Path, StringComparer.Ordinal)
                .Select(r => new SpaceSyncChange { Path = r.Path, Kind = SpaceSyncChangeKind.Delete, Size = r.Size }));
        }

        return new SpaceSyncPlan { Space = space, BaseCommit = head, Changes = changes, Ignored = ignored, Unchanged = unchanged };
    }

    /// <summary>
    /// Makes the Space's files what the folder holds: plans (<see cref="PlanSyncAsync"/>), then commits only what changed in
    /// one commit on top of the commit compared with (someone committing meanwhile makes it fail as a conflict, not
    /// overwrite their change). Nothing changed: no commit, no rebuild.
    /// </summary>
    public virtual async Task<SpaceSyncResult> SyncFolderAsync(SpaceId space, string folder, SpaceSyncOptions? options = null, IProgress<SpaceTransferProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        options ??= new SpaceSyncOptions();
        var plan = await PlanSyncAsync(space, folder, options, progress, cancellationToken).ConfigureAwait(false);
        if (!plan.HasChanges)
        {
            return new SpaceSyncResult { Plan = plan };
        }

        var commit = await CommitPlanAsync(plan, options, progress, cancellationToken).ConfigureAwait(false);
        return new SpaceSyncResult { Plan = plan, Commit = commit };
    }

    /// <summary>Commits a plan made by <see cref="PlanSyncAsync"/> (after showing it, say), on top of its base commit.</summary>
    public virtual Task<SpaceCommit> CommitPlanAsync(SpaceSyncPlan plan, SpaceSyncOptions? options = null, IProgress<SpaceTransferProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(plan);
        options ??= new SpaceSyncOptions();
        if (!plan.HasChanges)
        {
            throw new ArgumentException("The plan has nothing to commit.", nameof(plan));
        }

        var operations = plan.Changes.Select(c => c.Kind == SpaceSyncChangeKind.Delete
            ? SpaceCommitOperation.Delete(c.Path)
            : SpaceCommitOperation.AddFromFile(c.Path, c.LocalPath!));
        return CommitAsync(plan.Space, operations, options.Message, new SpaceCommitOptions { Description = options.Description, ParentCommit = plan.BaseCommit, Revision = options.Revision, HotReload = options.HotReload }, progress, cancellationToken);
    }

    /// <summary>The local file against the Space's: git blob ids for a regular file, SHA-256 for an LFS one; the size first.</summary>
    private static async Task<bool> SameContentAsync(LocalFile file, SpaceFileInfo there, IProgress<SpaceTransferProgress>? progress, CancellationToken cancellationToken)
    {
        if (there.Size != file.Size)
        {
            return false;
        }

        var hashed = progress is null ? null : new InlineProgress<long>(bytes => progress.Report(new SpaceTransferProgress { Path = file.Path, Phase = SpaceTransferPhase.Hashing, Bytes = bytes, TotalBytes = file.Size }));
        var stream = new FileStream(file.FullPath, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.Asynchronous | FileOptions.SequentialScan);
        await using (stream.ConfigureAwait(false))
        {
            // Against an LFS file only its SHA-256 is compared, against a regular one only the blob id: one hash a read.
            var digest = await BlobHasher.HashAsync(stream, file.Size, sha256: there.Lfs is not null, hashed, cancellationToken, blobId: there.Lfs is null).ConfigureAwait(false);
            return there.Lfs is { } lfs
                ? string.Equals(digest.Sha256, lfs.Sha256, StringComparison.OrdinalIgnoreCase)
                : string.Equals(digest.BlobId, there.BlobId, StringComparison.OrdinalIgnoreCase);
        }
    }
}
