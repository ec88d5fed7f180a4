using System.Collections.Immutable;
using HfSpaces.Emulator.State;

namespace HfSpaces.Emulator.Repository;

/// <summary>
/// A Space's git repository: immutable commits (each with its whole tree), a head per branch moved atomically, and the
/// folders derived from the files' paths. Only <see cref="EmulatedHub"/> touches it, under its lock.
/// </summary>
internal sealed class SpaceRepository
{
    public const string MainBranch = "main";

    private readonly Dictionary<string, RepoCommit> _commits = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _branches = new(StringComparer.Ordinal);

    public SpaceRepository(RepoCommit first)
    {
        _commits[first.Id] = first;
        _branches[MainBranch] = first.Id;
    }

    public RepoCommit Head => _commits[_branches[MainBranch]];

    public int PullRequests { get; private set; }

    /// <summary>
    /// A revision as the Hub reads it: a branch (<c>main</c>, <c>refs/pr/1</c>), <c>HEAD</c>, or a commit id; anything else
    /// is the Hub's 404 <c>RevisionNotFound</c>.
    /// </summary>
    public RepoCommit Resolve(string? revision)
    {
        if (revision is null or "" or "HEAD")
        {
            return Head;
        }

        if (_branches.TryGetValue(revision, out var id) || (revision.Length == 40 && _commits.ContainsKey(id = revision)))
        {
            return _commits[id];
        }

        throw new HubError(404, $"Invalid rev id: {revision}", "RevisionNotFound");
    }

    /// <summary>The branch a commit to <paramref name="revision"/> moves; a commit id or an unknown name is refused.</summary>
    public string Branch(string revision)
    {
        var branch = revision is "HEAD" ? MainBranch : revision;
        return _branches.ContainsKey(branch) ? branch : throw new HubError(404, $"Invalid rev id: {revision}", "RevisionNotFound");
    }

    /// <summary>
    /// Applies <paramref name="changes"/> on the branch's head as one new commit, or none at all: a missing file or folder to
    /// delete, or a <paramref name="parentCommit"/> that is not the head any more (someone committed first), fails the whole.
    /// </summary>
    public RepoCommit Commit(string branch, string? parentCommit, IReadOnlyList<RepoChange> changes, string summary, string? description, DateTimeOffset at, string author)
    {
        var head = _commits[_branches[branch]];
        if (parentCommit is not null && !string.Equals(parentCommit, head.Id, StringComparison.OrdinalIgnoreCase))
        {
            throw new HubError(412, "A commit has happened since. Please refresh and try again.");
        }

        var files = head.Files.ToBuilder();
        foreach (var change in changes)
        {
            switch (change)
            {
                case RepoChange.Put put:
                    if (files.Keys.Any(p => p.StartsWith(put.Path + "/", StringComparison.Ordinal)))
                    {
                        throw HubError.BadRequest($"Cannot add file {put.Path}: a folder of that name exists");
                    }

                    files[put.Path] = put.File;
                    break;
                case RepoChange.DeleteFile delete:
                    if (!files.Remove(delete.Path))
                    {
                        throw new HubError(404, $"File {delete.Path} does not exist in {branch}", "EntryNotFound");
                    }

                    break;
                case RepoChange.DeleteFolder folder:
                    var prefix = folder.Path.TrimEnd('/') + "/";
                    var inside = files.Keys.Where(p => p.StartsWith(prefix, StringComparison.Ordinal)).ToList();
                    if (inside.Count == 0)
                    {
                        throw new HubError(404, $"Folder {folder.Path} does not exist in {branch}", "EntryNotFound");
                    }

                    inside.ForEach(p => files.Remove(p));
                    break;
            }
        }

        var tree = files.ToImmutable();
        var commit = new RepoCommit(GitObjects.CommitId(TreeId(tree, string.Empty), head.Id, summary, description, at, author), head.Id, summary, description, at, tree);
        _commits[commit.Id] = commit;
        _branches[branch] = commit.Id;
        return commit;
    }

    /// <summary>A pull request: a new <c>refs/pr/N</c> branch from the head, which the commit then moves.</summary>
    public (string Branch, int Number) OpenPullRequest()
    {
        var number = ++PullRequests;
        var branch = $"refs/pr/{number}";
        _branches[branch] = _branches[MainBranch];
        return (branch, number);
    }

    /// <summary>True when <paramref name="folder"/> ("" for the root) holds files at <paramref name="commit"/>.</summary>
    public static bool IsFolder(RepoCommit commit, string folder) =>
        folder.Length == 0 || commit.Files.Keys.Any(p => p.StartsWith(folder + "/", StringComparison.Ordinal));

    /// <summary>
    /// The entries under <paramref name="folder"/>: its files and folders, or with <paramref name="recursive"/> everything
    /// below it; folders first at each level as the Hub lists them, then by path.
    /// </summary>
    public static IEnumerable<(string Path, RepoFile? File)> Entries(RepoCommit commit, string folder, bool recursive)
    {
        var prefix = folder.Length == 0 ? string.Empty : folder + "/";
        var folders = new SortedSet<string>(StringComparer.Ordinal);
        var files = new List<(string, RepoFile?)>();
        foreach (var (path, file) in commit.Files)
        {
            if (!path.StartsWith(prefix, StringComparison.Ordinal))
            {
                continue;
            }

            var rest = path[prefix.Length..];
            var slash = rest.IndexOf('/');
            if (slash < 0)
            {
                files.Add((path, file));
                continue;
            }

            folders.Add(prefix + rest[..slash]);
            if (recursive)
            {
                for (var at = rest.IndexOf('/', slash + 1); at >= 0; at = rest.IndexOf('/', at + 1))
                {
                    folders.Add(prefix + rest[..at]);
                }

                files.Add((path, file));
            }
        }

        return recursive
            ? folders.Select(f => (f, (RepoFile?)null)).Concat(files).OrderBy(e => e.Item1, StringComparer.Ordinal).ToList()
            : folders.Select(f => (f, (RepoFile?)null)).Concat(files).ToList();
    }

    /// <summary>The git tree id of <paramref name="folder"/> ("" for the root) at <paramref name="files"/>.</summary>
    public static string TreeId(IReadOnlyDictionary<string, RepoFile> files, string folder)
    {
        var prefix = folder.Length == 0 ? string.Empty : folder + "/";
        var entries = new List<(string, bool, string)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (path, file) in files)
        {
            if (!path.StartsWith(prefix, StringComparison.Ordinal))
            {
                continue;
            }

            var rest = path[prefix.Length..];
            var slash = rest.IndexOf('/');
            if (slash < 0)
            {
                entries.Add((rest, false, file.BlobId));
            }
            else if (seen.Add(rest[..slash]))
            {
                entries.Add((rest[..slash], true, TreeId(files, prefix + rest[..slash])));
            }
        }

        return GitObjects.TreeId(entries);
    }
}
