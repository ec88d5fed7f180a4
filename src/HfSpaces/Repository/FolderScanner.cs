using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.FileSystemGlobbing;

namespace HfSpaces.Repository;

/// <summary>A file of the local folder that a sync considers.</summary>
internal sealed record LocalFile(string Path, string FullPath, long Size);

/// <summary>
/// Walks a local folder as a sync sees it: <c>.git/</c> never, the folder's <c>.gitignore</c> and <c>.hfignore</c> and the
/// caller's ignore lines applied, only included files kept; and finds the files that look like credentials.
/// </summary>
internal static partial class FolderScanner
{
    private const int CredentialProbeBytes = 1024;
    private static readonly string[] CredentialNames = [".env", ".env.*", "**/.env", "**/.env.*", "**/*.pem", "**/*.key", "**/id_rsa*", "**/id_ed25519*", "**/id_ecdsa*", "**/.netrc", "**/*.p12", "**/*.pfx"];

    public static (IReadOnlyList<LocalFile> Files, IReadOnlyList<SpaceIgnoredFile> Ignored) Scan(string folder, SpaceSyncOptions options)
    {
        var root = Path.GetFullPath(folder);
        if (!Directory.Exists(root))
        {
            throw new DirectoryNotFoundException($"No folder {folder} to sync.");
        }

        var rules = new IgnoreRules();
        foreach (var name in new[] { ".gitignore", ".hfignore" })
        {
            var file = Path.Combine(root, name);
            if (File.Exists(file))
            {
                rules.AddLines(File.ReadAllLines(file), name);
            }
        }

        rules.AddLines(options.Ignore, "ignore");
        Matcher? include = null;
        if (options.Include.Count > 0)
        {
            include = new Matcher(StringComparison.Ordinal);
            include.AddIncludePatterns(options.Include);
        }

        var files = new List<LocalFile>();
        var ignored = new List<SpaceIgnoredFile>();
        foreach (var full in Directory.EnumerateFiles(root, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.ReparsePoint, IgnoreInaccessible = false }))
        {
            var path = Path.GetRelativePath(root, full).Replace(Path.DirectorySeparatorChar, '/');
            if (path == ".git" || path.StartsWith(".git/", StringComparison.Ordinal))
            {
                continue;
            }

            if (rules.Excluding(path) is { } rule)
            {
                ignored.Add(new SpaceIgnoredFile { Path = path, Reason = rule });
            }
            else if (include is not null && !include.Match(path).HasMatches)
            {
                ignored.Add(new SpaceIgnoredFile { Path = path, Reason = "not in --include" });
            }
            else if (RepoPath.Invalid(path) is { } invalid)
            {
                ignored.Add(new SpaceIgnoredFile { Path = path, Reason = $"not a repository path ({invalid})" });
            }
            else
            {
                files.Add(new LocalFile(path, full, new FileInfo(full).Length));
            }
        }

        files.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));
        return (files, ignored);
    }

    /// <summary>The files that look like credentials (by name, or by a token or private key in their first KB) and are not allowed on purpose.</summary>
    public static IReadOnlyList<SpaceIgnoredFile> Credentials(IEnumerable<LocalFile> files, IReadOnlyList<string> allowed)
    {
        var names = new Matcher(StringComparison.OrdinalIgnoreCase);
        names.AddIncludePatterns(CredentialNames);
        var allow = new Matcher(StringComparison.Ordinal);
        allow.AddIncludePatterns(allowed);
        var found = new List<SpaceIgnoredFile>();
        foreach (var file in files)
        {
            if (allowed.Count > 0 && allow.Match(file.Path).HasMatches)
            {
                continue;
            }

            if (names.Match(file.Path).HasMatches)
            {
                found.Add(new SpaceIgnoredFile { Path = file.Path, Reason = "its name is a credential file's" });
            }
            else if (Probe(file.FullPath) is { } what)
            {
                found.Add(new SpaceIgnoredFile { Path = file.Path, Reason = what });
            }
        }

        return found;
    }

    private static string? Probe(string path)
    {
        var head = new byte[CredentialProbeBytes];
        int read;
        using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1))
        {
            read = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        }

        var text = Encoding.Latin1.GetString(head, 0, read);
        return HubToken().IsMatch(text) ? "it holds a Hugging Face token (hf_…)"
            : PrivateKey().IsMatch(text) ? "it holds a private key"
            : null;
    }

    [GeneratedRegex(@"\bhf_[A-Za-z0-9]{30,}\b")]
    private static partial Regex HubToken();

    [GeneratedRegex(@"-----BEGIN [A-Z ]*PRIVATE KEY-----")]
    private static partial Regex PrivateKey();
}
