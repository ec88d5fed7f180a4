using HfSpaces.Http;
using HfSpaces.Mapping;
using HfSpaces.Repository;
using Microsoft.Kiota.Abstractions;
using Wire = HfSpaces.Generated.Models;

namespace HfSpaces;

/// <summary>A Space's files: list, describe, download, commit (docs/hub-wire.md "A Space's files").</summary>
public partial class HfSpacesClient
{
    private const int PreuploadBatch = 256;

    /// <summary>The largest <c>.gitignore</c> a commit sends along (its text goes inside the preupload's JSON).</summary>
    private const int MaxGitIgnoreBytes = 1024 * 1024;

    /// <summary>
    /// Lists a Space's files and folders (<c>GET /api/spaces/{id}/tree/{revision}[/{path}]</c>), page by page as the
    /// sequence is read (the Hub's <c>Link: rel="next"</c>): a folder's children, or with <paramref name="recursive"/>
    /// everything below it.
    /// </summary>
    /// <param name="space">The Space.</param>
    /// <param name="path">A folder, or null for the root.</param>
    /// <param name="recursive">Everything below, not only the children.</param>
    /// <param name="revision">A branch, tag or commit id; default <c>main</c>.</param>
    /// <param name="cancellationToken">Cancels the listing.</param>
    /// <exception cref="HfSpacesNotFoundException">No such Space, revision (<c>RevisionNotFound</c>) or folder (<c>EntryNotFound</c>).</exception>
    public virtual IAsyncEnumerable<SpaceFileInfo> ListFilesAsync(SpaceId space, string? path = null, bool recursive = false, string? revision = null, CancellationToken cancellationToken = default)
    {
        var rev = RepoPath.Revision(revision, nameof(revision));
        var folder = path?.Trim('/') is { Length: > 0 } p ? RepoPath.Require(p, nameof(path)) : null;
        var tree = Space(space).Tree[rev];
        void Query(Generated.Api.Spaces.Item.Item.Tree.Item.WithRevisionItemRequestBuilder.WithRevisionItemRequestBuilderGetQueryParameters q) => q.Recursive = recursive ? true : null;
        var info = folder is null
            ? tree.ToGetRequestInformation(c => Query(c.QueryParameters))
            : tree[folder].ToGetRequestInformation(c => c.QueryParameters.Recursive = recursive ? true : null);
        return _connection.ListPagesAsync(info, HubRequestOption.ListFiles, FileModels.ToFiles, next => tree.WithUrl(next).ToGetRequestInformation(), limit: null, cancellationToken);
    }

    /// <summary>Describes the given paths at a revision (<c>POST …/paths-info/{revision}</c>): the files and folders among them that exist.</summary>
    /// <exception cref="ArgumentException">No path, or a path that is not a repository path.</exception>
    public virtual async Task<IReadOnlyList<SpaceFileInfo>> GetPathsInfoAsync(SpaceId space, IEnumerable<string> paths, string? revision = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var list = paths.Select(p => RepoPath.Require(p, nameof(paths))).Distinct(StringComparer.Ordinal).ToList();
        if (list.Count == 0)
        {
            throw new ArgumentException("Name at least one path.", nameof(paths));
        }

        var info = Space(space).PathsInfo[RepoPath.Revision(revision, nameof(revision))].ToPostRequestInformation(new Wire.PathsInfoRequest { Paths = list });
        return await _connection.SendAsync(info, HubRequestOption.GetPathsInfo, static d => FileModels.ToFiles(HubConnection.Body(d)), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The commit a revision points to (<c>GET /api/spaces/{id}/revision/{revision}</c>'s <c>sha</c>): default the head of <c>main</c>.</summary>
    /// <exception cref="HfSpacesNotFoundException">No such Space or revision.</exception>
    public virtual async Task<string> GetCommitIdAsync(SpaceId space, string? revision = null, CancellationToken cancellationToken = default)
    {
        var info = Space(space).Revision[RepoPath.Revision(revision, nameof(revision))].ToGetRequestInformation(c => c.QueryParameters.Expand = ["sha"]);
        return await _connection.SendAsync(info, HubRequestOption.GetRevision, static d =>
        {
            var sha = HubModels.ToSpaceInfo(HubConnection.Body(d).RootElement).Sha;
            return sha is { Length: 40 } && sha.All(char.IsAsciiHexDigit) ? sha : throw new FormatException($"the revision has no 40-hex 'sha' ({sha ?? "none"})");
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Downloads one file (<c>GET /spaces/{id}/resolve/{revision}/{path}</c>) into <paramref name="destination"/>, as it
    /// arrives (not buffered).
    /// </summary>
    /// <exception cref="HfSpacesNotFoundException">No such Space, revision or file (<c>EntryNotFound</c>).</exception>
    public virtual Task<SpaceFileDownload> DownloadFileAsync(SpaceId space, string path, Stream destination, string? revision = null, CancellationToken cancellationToken = default) =>
        DownloadToAsync(space, path, destination, revision, progress: null, cancellationToken);

    /// <summary><see cref="DownloadFileAsync(SpaceId, string, Stream, string?, CancellationToken)"/>, reporting the bytes written as they arrive.</summary>
    private async Task<SpaceFileDownload> DownloadToAsync(SpaceId space, string path, Stream destination, string? revision, IProgress<long>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(destination);
        RepoPath.Require(path, nameof(path));
        var rev = RepoPath.Revision(revision, nameof(revision));
        ValidateSpace(space);
        // The path keeps its slashes (as huggingface_hub sends downloads); the builder's template would encode them.
        var url = _connection.SpaceUrl("spaces", space, $"/resolve/{Uri.EscapeDataString(rev)}/{RepoPath.Slashed(path)}");
        var info = _connection.Api.Spaces[space.Namespace][space.Name].Resolve[rev][path].WithUrl(url).ToGetRequestInformation();
        using var response = await _connection.ExchangeAsync(info, HubRequestOption.DownloadFile, cancellationToken).ConfigureAwait(false);
        var length = await HubConnection.CopyBodyAsync(info, response, destination, progress, cancellationToken).ConfigureAwait(false);
        return new SpaceFileDownload
        {
            CommitId = response.Headers.TryGetValues("X-Repo-Commit", out var commit) ? commit.FirstOrDefault() : null,
            ETag = response.Headers.ETag?.Tag.Trim('"'),
            Length = length,
        };
    }

    /// <summary>
    /// Commits changes to a Space in one atomic commit (<c>POST /api/spaces/{id}/commit/{revision}</c>): the Hub decides
    /// per file how it is sent (<c>preupload</c>, 256 files a call); regular files go base64 in the commit's NDJSON body,
    /// written as it is sent; large or binary ones go to LFS first (the batch API: objects the Hub has are skipped, the
    /// others sent four at a time, multipart when the Hub asks, to presigned URLs without the token). A commit to <c>main</c> rebuilds the Space. Not re-sent after it may have reached the Hub.
    /// </summary>
    /// <param name="space">The Space.</param>
    /// <param name="operations">Files to add or replace, files or folders to delete; each path once.</param>
    /// <param name="message">The commit's summary line.</param>
    /// <param name="options">Description, parent commit, pull request, branch.</param>
    /// <param name="progress">Told about each file as it is read and sent (from any thread).</param>
    /// <param name="cancellationToken">Cancels the commit: a commit cut short is not made.</param>
    /// <exception cref="ArgumentException">No operation, an empty message, an invalid or repeated path.</exception>
    /// <exception cref="HfSpacesConflictException">
    /// <see cref="SpaceCommitOptions.ParentCommit"/> is not the branch's head any more; <see cref="HfSpacesConflictException.CurrentCommit"/> names it.
    /// </exception>
    public virtual async Task<SpaceCommit> CommitAsync(SpaceId space, IEnumerable<SpaceCommitOperation> operations, string message, SpaceCommitOptions? options = null, IProgress<SpaceTransferProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(operations);
        ArgumentException.ThrowIfNullOrWhiteSpace(message);
        options ??= new SpaceCommitOptions();
        var list = operations.ToList();
        if (list.Count == 0)
        {
            throw new ArgumentException("A commit needs at least one operation.", nameof(operations));
        }

        foreach (var operation in list)
        {
            ArgumentNullException.ThrowIfNull(operation, nameof(operations));
            RepoPath.Require(operation is SpaceCommitOperation.DeleteFolderOperation ? operation.Path.TrimEnd('/') : operation.Path, nameof(operations));
        }

        if (list.GroupBy(o => o.Path.TrimEnd('/'), StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            throw new ArgumentException($"The commit names {twice.Key} more than once.", nameof(operations));
        }

        var revision = RepoPath.Revision(options.Revision, nameof(options));
        if (options.ParentCommit is { } parent && (parent.Length != 40 || !parent.All(char.IsAsciiHexDigit)))
        {
            throw new ArgumentException($"SpaceCommitOptions.ParentCommit must be a 40-hex commit id, not '{parent}'.", nameof(options));
        }

        ValidateSpace(space);
        var lines = await PlanCommitAsync(space, revision, list, progress, cancellationToken).ConfigureAwait(false);
        return await SendCommitAsync(space, revision, message, options, lines, progress, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Asks the Hub how each added file goes (regular or LFS) and turns the operations into commit lines.</summary>
    private async Task<IReadOnlyList<CommitLine>> PlanCommitAsync(SpaceId space, string revision, IReadOnlyList<SpaceCommitOperation> operations, IProgress<SpaceTransferProgress>? progress, CancellationToken cancellationToken)
    {
        var adds = operations.OfType<SpaceCommitOperation.AddFile>().ToList();
        var modes = new Dictionary<string, string>(StringComparer.Ordinal);
        var ignored = new HashSet<string>(StringComparer.Ordinal);

        // A commit that writes .gitignore sends its text, so the Hub decides what to leave out by the new rules, not the old.
        var gitIgnore = adds.Find(a => a.Path == ".gitignore") is { } rules ? await GitIgnoreTextAsync(rules, cancellationToken).ConfigureAwait(false) : null;
        foreach (var batch in adds.Chunk(PreuploadBatch))
        {
            var files = new List<Wire.PreuploadFile>(batch.Length);
            foreach (var add in batch)
            {
                files.Add(new Wire.PreuploadFile { Path = add.Path, Size = add.Size, Sample = Convert.ToBase64String(await SampleAsync(add, cancellationToken).ConfigureAwait(false)) });
                progress?.Report(new SpaceTransferProgress { Path = add.Path, Phase = SpaceTransferPhase.Hashing, Bytes = add.Size, TotalBytes = add.Size });
            }

            var info = Space(space).Preupload[revision].ToPostRequestInformation(new Wire.PreuploadRequest { Files = files, GitIgnore = gitIgnore });
            var answer = await _connection.SendAsync(info, HubRequestOption.Preupload, static d => HubModels.Parse(HubConnection.Body(d), Wire.PreuploadResponse.CreateFromDiscriminatorValue), cancellationToken).ConfigureAwait(false);
            foreach (var mode in answer.Files ?? [])
            {
                if (mode.Path is not { } path)
                {
                    continue;
                }

                if (mode.ShouldIgnore == true)
                {
                    ignored.Add(path);
                }
                else
                {
                    modes[path] = mode.UploadMode ?? "regular";
                }
            }
        }

        // LFS files: hashed (SHA-256 names the object), then uploaded — skipped when the Hub has them — before the commit names them.
        var lfs = new Dictionary<string, LfsItem>(StringComparer.Ordinal);
        foreach (var add in adds.Where(a => modes.GetValueOrDefault(a.Path) == "lfs"))
        {
            var hashed = progress is null ? null : new InlineProgress<long>(b => progress.Report(new SpaceTransferProgress { Path = add.Path, Phase = SpaceTransferPhase.Hashing, Bytes = b, TotalBytes = add.Size }));
            var stream = add.Open();
            await using (stream.ConfigureAwait(false))
            {
                var digest = await BlobHasher.HashAsync(stream, add.Size, sha256: true, hashed, cancellationToken, blobId: false).ConfigureAwait(false);
                lfs[add.Path] = new LfsItem(add.Path, digest.Sha256!, add.Size, add.Open);
            }
        }

        if (lfs.Count > 0)
        {
            var sent = progress is null ? null : new InlineProgress<(string Path, long Sent)>(p => progress.Report(new SpaceTransferProgress { Path = p.Path, Phase = SpaceTransferPhase.Uploading, Bytes = p.Sent, TotalBytes = lfs[p.Path].Size }));
            await new LfsUploader(_connection, space, revision).UploadAsync([.. lfs.Values], sent, cancellationToken).ConfigureAwait(false);
        }

        return operations.Select<SpaceCommitOperation, CommitLine?>(o => o switch
        {
            SpaceCommitOperation.AddFile add when lfs.TryGetValue(add.Path, out var item) => new CommitLine.LfsFile(add.Path, item.Sha256, item.Size),
            SpaceCommitOperation.AddFile add when ignored.Contains(add.Path) => null, // the Hub's .gitignore rules leave it out
            SpaceCommitOperation.AddFile add => new CommitLine.File(add.Path, add.Size, add.Open), // regular (also when the answer omits it)
            SpaceCommitOperation.DeleteFolderOperation folder => new CommitLine.DeletedFolder(folder.Path.TrimEnd('/') + "/"),
            _ => new CommitLine.DeletedFile(o.Path),
        }).OfType<CommitLine>().ToList();
    }

    private async Task<SpaceCommit> SendCommitAsync(SpaceId space, string revision, string message, SpaceCommitOptions options, IReadOnlyList<CommitLine> lines, IProgress<SpaceTransferProgress>? progress, CancellationToken cancellationToken)
    {
        var sizes = lines.OfType<CommitLine.File>().ToDictionary(f => f.Path, f => f.Size, StringComparer.Ordinal);
        var sent = progress is null ? null : new InlineProgress<(string Path, long Sent)>(p => progress.Report(new SpaceTransferProgress { Path = p.Path, Phase = SpaceTransferPhase.Uploading, Bytes = p.Sent, TotalBytes = sizes[p.Path] }));
        var info = Space(space).Commit[revision].ToPostRequestInformation(Stream.Null, c =>
        {
            c.QueryParameters.CreatePr = options.CreatePullRequest ? "1" : null;
            c.QueryParameters.HotReload = options.HotReload ? "1" : null;
        });
        var body = new ReplayableContent((stream, ct) => CommitWriter.WriteAsync(stream, message, options.Description, options.ParentCommit, lines, sent, ct), "application/x-ndjson");
        try
        {
            return await _connection.SendAsync(info, HubRequestOption.Commit, body, static d =>
            {
                var result = HubModels.Parse(HubConnection.Body(d), Wire.CommitResult.CreateFromDiscriminatorValue);
                var id = result.CommitOid is { Length: 40 } oid && oid.All(char.IsAsciiHexDigit) ? oid : throw new FormatException("the commit has no 40-hex 'commitOid'");
                return new SpaceCommit
                {
                    Id = id,
                    Url = Uri.TryCreate(result.CommitUrl, UriKind.Absolute, out var url) ? url : throw new FormatException("the commit has no absolute 'commitUrl'"),
                    PullRequestUrl = Uri.TryCreate(result.PullRequestUrl, UriKind.Absolute, out var pr) ? pr : null,
                };
            }, cancellationToken).ConfigureAwait(false);
        }
        catch (HfSpacesConflictException refused) when (options.ParentCommit is { } parent && refused.StatusCode is System.Net.HttpStatusCode.PreconditionFailed or System.Net.HttpStatusCode.Conflict)
        {
            string? head = null;
            try
            {
                head = await GetCommitIdAsync(space, revision, cancellationToken).ConfigureAwait(false);
            }
            catch (HfSpacesException)
            {
                // The refusal is what the caller needs; the head is a courtesy.
            }

            throw HubErrors.StaleParent(refused, parent, head);
        }
    }

    /// <summary>The text of an added <c>.gitignore</c> (UTF-8), for the preupload's <c>gitIgnore</c>.</summary>
    private static async Task<string> GitIgnoreTextAsync(SpaceCommitOperation.AddFile add, CancellationToken cancellationToken)
    {
        if (add.Size > MaxGitIgnoreBytes)
        {
            throw new ArgumentException($"The commit's .gitignore is {add.Size} bytes; its text is sent inside the preupload request, and HfSpaces sends at most {MaxGitIgnoreBytes} bytes of it.", "operations");
        }

        var text = new byte[add.Size];
        var stream = add.Open();
        await using (stream.ConfigureAwait(false))
        {
            await stream.ReadExactlyAsync(text, cancellationToken).ConfigureAwait(false);
        }

        return System.Text.Encoding.UTF8.GetString(text);
    }

    private static async Task<byte[]> SampleAsync(SpaceCommitOperation.AddFile add, CancellationToken cancellationToken)
    {
        var sample = new byte[Math.Min(BlobHasher.SampleBytes, add.Size)];
        var stream = add.Open();
        await using (stream.ConfigureAwait(false))
        {
            await stream.ReadExactlyAsync(sample, cancellationToken).ConfigureAwait(false);
        }

        return sample;
    }
}
