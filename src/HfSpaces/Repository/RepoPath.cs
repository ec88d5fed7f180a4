namespace HfSpaces.Repository;

/// <summary>The Hub's rules for a path in a repository, and how a path or revision goes into a URL.</summary>
internal static class RepoPath
{
    /// <summary>Why <paramref name="path"/> is not a repository path (relative, <c>/</c>-separated, no empty, <c>.</c> or <c>..</c> segment, not under <c>.git/</c>); null when it is one.</summary>
    public static string? Invalid(string? path)
    {
        if (string.IsNullOrEmpty(path))
        {
            return "a path is empty";
        }

        if (path[0] == '/' || path.Contains('\\', StringComparison.Ordinal) || path.AsSpan().ContainsAnyInRange('\0', '\u001f'))
        {
            return $"'{path}' is not a relative, /-separated path without control characters";
        }

        foreach (var segment in path.Split('/'))
        {
            if (segment is "" or "." or "..")
            {
                return $"'{path}' has an empty, '.' or '..' segment";
            }
        }

        return path == ".git" || path.StartsWith(".git/", StringComparison.Ordinal) ? $"'{path}' is inside .git/, which the Hub refuses" : null;
    }

    /// <summary>Throws <see cref="ArgumentException"/> naming the rule when <paramref name="path"/> is not a repository path.</summary>
    public static string Require(string? path, string parameter) =>
        Invalid(path) is { } why ? throw new ArgumentException($"Invalid repository path: {why}.", parameter) : path!;

    /// <summary>A revision as one URL segment (<c>refs/pr/1</c> → <c>refs%2Fpr%2F1</c>), as huggingface_hub sends it.</summary>
    public static string Revision(string? revision, string parameter)
    {
        if (revision is null)
        {
            return "main";
        }

        return string.IsNullOrWhiteSpace(revision) || revision.AsSpan().ContainsAnyInRange('\0', '\u001f')
            ? throw new ArgumentException("A revision is a branch, tag or commit id: not empty, no control characters.", parameter)
            : revision;
    }

    /// <summary>A path with each segment escaped and its slashes kept (<c>src/my app.py</c> → <c>src/my%20app.py</c>), as downloads send it.</summary>
    public static string Slashed(string path) => string.Join('/', path.Split('/').Select(Uri.EscapeDataString));
}
