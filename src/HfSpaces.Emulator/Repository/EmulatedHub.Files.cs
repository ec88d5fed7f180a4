using System.Collections.Immutable;
using System.Text;
using System.Text.Json.Nodes;
using HfSpaces.Emulator.Hosting;
using HfSpaces.Emulator.Repository;
using static HfSpaces.Emulator.State.HubRules;

namespace HfSpaces.Emulator.State;

/// <summary>A Space's files: the tree, paths-info, downloads, preupload and commits (docs/hub-wire.md "A Space's files").</summary>
public sealed partial class EmulatedHub
{
    /// <summary>Files at or above this size are LFS (the Hub's threshold); so is any file whose first bytes hold a NUL.</summary>
    public const long LfsThresholdBytes = 10 * 1024 * 1024;

    private readonly BlobStore _blobs = new(2L * 1024 * 1024 * 1024);

    /// <summary>How many bytes of files and LFS objects the emulator stores at most; over it, a commit or upload answers 413.</summary>
    public long StorageLimitBytes
    {
        get => _blobs.Budget;
        set => _blobs.Budget = value;
    }

    /// <summary>Bytes of files and LFS objects stored now.</summary>
    public long StorageUsedBytes => Locked(() => _blobs.Used);

    /// <summary>How many entries a tree page holds before a <c>Link: rel="next"</c>.</summary>
    public int TreePageSize { get; set; } = 1000;

    /// <summary>For tests: the bytes of a file at the Space's head (null when absent), read without the API.</summary>
    public byte[]? FileContent(string id, string path) => Locked(() =>
        _spaces.TryGetValue(id, out var space) && space.Repository.Head.Files.TryGetValue(path, out var file) ? Content(file) : null);

    /// <summary>For tests: the Space's stage now, read without the API.</summary>
    public string StageOf(string id) => Locked(() =>
    {
        var space = _spaces.TryGetValue(id, out var s) ? s : throw new ArgumentException($"No Space '{id}'.", nameof(id));
        Advance(space);
        return space.Stage;
    });

    /// <summary>For tests: the Space's head commit id.</summary>
    public string HeadCommit(string id) => Locked(() => (_spaces.TryGetValue(id, out var s) ? s : throw new ArgumentException($"No Space '{id}'.", nameof(id))).Repository.Head.Id);

    internal (List<JsonObject> Page, string? NextCursor) Tree(EmulatedAccount? caller, string ns, string repo, string revision, string? path, bool recursive, bool expand, string? cursor) => Locked(() =>
    {
        var space = Readable(caller, ns, repo);
        var commit = space.Repository.Resolve(revision);
        var folder = (path ?? string.Empty).Trim('/');
        if (!SpaceRepository.IsFolder(commit, folder))
        {
            throw new HubError(404, $"{folder} does not exist on \"{revision}\"", "EntryNotFound");
        }

        var entries = SpaceRepository.Entries(commit, folder, recursive).ToList();
        var start = cursor is null ? 0 : int.TryParse(cursor, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var c) && c <= entries.Count ? c : throw HubError.BadRequest($"Invalid cursor '{cursor}'");
        var page = entries.Skip(start).Take(TreePageSize).Select(e => Entry(commit, e.Path, e.File, expand)).ToList();
        var next = start + TreePageSize < entries.Count ? (start + TreePageSize).ToString(System.Globalization.CultureInfo.InvariantCulture) : null;
        return (page, next);
    });

    internal List<JsonObject> PathsInfo(EmulatedAccount? caller, string ns, string repo, string revision, IEnumerable<string> paths, bool expand) => Locked(() =>
    {
        var commit = Readable(caller, ns, repo).Repository.Resolve(revision);
        var result = new List<JsonObject>();
        foreach (var path in paths.Select(p => p.Trim('/')).Distinct(StringComparer.Ordinal))
        {
            if (commit.Files.TryGetValue(path, out var file))
            {
                result.Add(Entry(commit, path, file, expand));
            }
            else if (path.Length > 0 && SpaceRepository.IsFolder(commit, path))
            {
                result.Add(Entry(commit, path, null, expand));
            }
        }

        return result;
    });

    /// <summary>A file's bytes at a revision, with the commit read and its ETag; 404 <c>EntryNotFound</c> when absent.</summary>
    internal (byte[] Content, string Commit, string ETag, bool IsLfs, long Size) Download(EmulatedAccount? caller, string ns, string repo, string revision, string path) => Locked(() =>
    {
        var commit = Readable(caller, ns, repo).Repository.Resolve(revision);
        var file = commit.Files.TryGetValue(path, out var f) ? f : throw new HubError(404, $"{path} does not exist on \"{revision}\"", "EntryNotFound");
        return (file.IsLfs ? [] : Content(file), commit.Id, file.Sha256 ?? file.BlobId, file.IsLfs, file.Size);
    });

    internal List<JsonObject> Preupload(EmulatedAccount? caller, string ns, string repo, string revision, IReadOnlyList<(string Path, byte[] Sample, long Size)> files, string? gitIgnore) => Locked(() =>
    {
        var commit = Writable(caller, ns, repo, "upload files to").Repository.Resolve(revision);
        if (files.Count > 256)
        {
            throw HubError.BadRequest($"At most 256 files per preupload call ({files.Count} given)");
        }

        // The .gitignore the commit brings (its text, sent along) or else the one the revision has.
        var ignore = new GitIgnore(gitIgnore ?? (commit.Files.TryGetValue(".gitignore", out var rules) ? Encoding.UTF8.GetString(Content(rules)) : null));

        return files.Select(f =>
        {
            var invalid = SpaceApp.InvalidPath(f.Path);
            if (invalid is not null)
            {
                throw HubError.BadRequest($"Invalid path: {invalid}");
            }

            var lfs = f.Size >= LfsThresholdBytes || Array.IndexOf(f.Sample, (byte)0) >= 0;
            var mode = new JsonObject { ["path"] = f.Path, ["uploadMode"] = lfs ? "lfs" : "regular", ["shouldIgnore"] = ignore.Ignores(f.Path) };
            if (commit.Files.TryGetValue(f.Path, out var existing))
            {
                mode["oid"] = existing.BlobId;
            }

            return mode;
        }).ToList();
    });

    /// <summary>
    /// Applies a commit atomically: every operation or none. Regular files are stored by blob id, LFS files must have been
    /// uploaded (the batch API and its storage, <see cref="LfsBatch"/>) with the size named. A commit to <c>main</c> rebuilds the Space.
    /// </summary>
    internal (string Id, string Url, string? PullRequestUrl) Commit(EmulatedAccount? caller, string ns, string repo, string revision, CommitPayload payload, bool createPullRequest, bool hotReload, Uri hubUrl) => Locked(() =>
    {
        var account = caller ?? throw HubError.Unauthorized();
        var space = Writable(account, ns, repo, "commit to");
        var repository = space.Repository;
        var branch = repository.Branch(revision);
        var changes = new List<RepoChange>();
        var blobs = new List<(string Id, byte[] Bytes)>();
        foreach (var operation in payload.Operations)
        {
            switch (operation)
            {
                case CommitPayload.AddFile add:
                    var id = GitObjects.BlobId(add.Content);
                    blobs.Add((id, add.Content));
                    changes.Add(new RepoChange.Put(add.Path, new RepoFile(id, add.Content.LongLength, null, 0)));
                    break;
                case CommitPayload.AddLfsFile lfs:
                    var stored = _blobs.Get(lfs.Sha256);
                    if (stored is null || stored.LongLength != lfs.Size)
                    {
                        throw HubError.BadRequest($"LFS object {lfs.Sha256} ({lfs.Path}) was not uploaded with size {lfs.Size}: upload it through the LFS batch API first");
                    }

                    var pointer = GitObjects.LfsPointer(lfs.Sha256, lfs.Size);
                    var pointerId = GitObjects.BlobId(pointer);
                    blobs.Add((pointerId, pointer));
                    changes.Add(new RepoChange.Put(lfs.Path, new RepoFile(pointerId, lfs.Size, lfs.Sha256, pointer.LongLength)));
                    break;
                case CommitPayload.DeleteFile delete:
                    changes.Add(new RepoChange.DeleteFile(delete.Path));
                    break;
                case CommitPayload.DeleteFolder folder:
                    changes.Add(new RepoChange.DeleteFolder(folder.Path));
                    break;
            }
        }

        _blobs.EnsureRoom(blobs.Where(b => !_blobs.Contains(b.Id)).DistinctBy(b => b.Id).Sum(b => b.Bytes.LongLength));
        int? pullRequest = null;
        if (createPullRequest)
        {
            (branch, var number) = repository.OpenPullRequest();
            pullRequest = number;
        }

        // The build under way ends on the files it started from, not on this commit's.
        Advance(space);
        var commit = repository.Commit(branch, payload.ParentCommit, changes, payload.Summary, payload.Description, _clock.GetUtcNow(), account.Name);
        blobs.ForEach(b => _blobs.Put(b.Id, b.Bytes));
        if (branch == SpaceRepository.MainBranch)
        {
            space.LastModified = commit.At;
            if (hotReload && CanHotReload(space, changes))
            {
                // The running app reloads its Python files in place: no build, the same hardware, still RUNNING.
                space.HotReloadStatus = "created";
                space.RunLogs.Add((commit.At, $"Hot-reloading {string.Join(", ", changes.Select(c => c.Path))} from {commit.Id[..7]}"));
            }
            else
            {
                Rebuild(space, $"Commit {commit.Id[..7]} ({commit.Summary})");
            }
        }

        var url = new Uri(hubUrl, $"spaces/{space.Id}/commit/{commit.Id}").ToString();
        return (commit.Id, url, pullRequest is { } n ? new Uri(hubUrl, $"spaces/{space.Id}/discussions/{n}").ToString() : null);
    });

    /// <summary>
    /// A hot reload (<c>hot_reload=1</c>) applies to a gradio Space that is running, not building, when the commit only
    /// touches Python files; anything else (a requirement, a Dockerfile, a Space that is not up) rebuilds as usual.
    /// </summary>
    private static bool CanHotReload(EmulatedSpace space, IReadOnlyList<RepoChange> changes) =>
        space.Sdk == "gradio" && space.Stage == "RUNNING" && space.Rebuild is null
        && changes.All(c => c is not RepoChange.DeleteFolder && c.Path.EndsWith(".py", StringComparison.Ordinal));

    /// <summary>The first commit of a new Space: its README (with the SDK's front matter), plus the seed's files.</summary>
    private SpaceRepository NewRepository(string name, string sdk, IEnumerable<KeyValuePair<string, byte[]>> files, string author)
    {
        var tree = ImmutableSortedDictionary.CreateBuilder<string, RepoFile>(StringComparer.Ordinal);
        foreach (var (path, content) in files.Prepend(new("README.md", SpaceApp.Readme(name, sdk))))
        {
            if (SpaceApp.InvalidPath(path) is { } why)
            {
                throw new ArgumentException($"Seed file: {why}", nameof(files));
            }

            var id = GitObjects.BlobId(content);
            _blobs.Put(id, content);
            tree[path] = new RepoFile(id, content.LongLength, null, 0);
        }

        var at = _clock.GetUtcNow();
        var files2 = tree.ToImmutable();
        var first = new RepoCommit(GitObjects.CommitId(SpaceRepository.TreeId(files2, string.Empty), null, "initial commit", null, at, author), null, "initial commit", null, at, files2);
        return new SpaceRepository(first);
    }

    /// <summary>The SDK's entry point when the Space's head lacks it (it cannot build: NO_APP_FILE); null when it is there.</summary>
    private string? MissingAppFile(EmulatedSpace space)
    {
        var head = space.Repository.Head;
        var entry = SpaceApp.EntryPoint(space.Sdk, p => head.Files.TryGetValue(p, out var f) ? Content(f) : null);
        return head.Files.ContainsKey(entry) ? null : entry;
    }

    /// <summary>A Space's files at its head but its README (a template's or a duplicate's: the new Space writes its own).</summary>
    private IEnumerable<KeyValuePair<string, byte[]>> FilesBesidesReadme(EmulatedSpace space) =>
        space.Repository.Head.Files.Where(f => f.Key != "README.md").Select(f => KeyValuePair.Create(f.Key, Content(f.Value)));

    private byte[] Content(RepoFile file) => _blobs.Get(file.Sha256 ?? file.BlobId) ?? [];

    private JsonObject Entry(RepoCommit commit, string path, RepoFile? file, bool expand)
    {
        // The Hub's key order: type, oid, size, lfs, path.
        var entry = file is null
            ? new JsonObject { ["type"] = "directory", ["oid"] = SpaceRepository.TreeId(commit.Files, path), ["size"] = 0, ["path"] = path }
            : new JsonObject { ["type"] = "file", ["oid"] = file.BlobId, ["size"] = file.Size };
        if (file is not null)
        {
            if (file.IsLfs)
            {
                entry["lfs"] = new JsonObject { ["oid"] = file.Sha256, ["size"] = file.Size, ["pointerSize"] = file.PointerSize };
            }

            entry["path"] = path;
        }

        if (expand)
        {
            entry["lastCommit"] = new JsonObject { ["id"] = commit.Id, ["title"] = commit.Summary, ["date"] = HubJson.Date(commit.At) };
        }

        return entry;
    }
}
