using Microsoft.Extensions.FileSystemGlobbing;

namespace HfSpaces.Repository;

/// <summary>
/// <c>.gitignore</c> lines as git reads them, in order, the last match deciding: a pattern without a slash matches at any
/// depth, a leading <c>/</c> anchors it, a trailing <c>/</c> matches a folder (and so everything in it), <c>!</c>
/// re-includes. Each pattern is matched with Microsoft.Extensions.FileSystemGlobbing.
/// </summary>
internal sealed class IgnoreRules
{
    private readonly List<(Matcher Matcher, bool Negated, string Source)> _rules = [];

    public void Add(string line, string source)
    {
        var text = line.TrimEnd('\r');
        if (text.Length == 0 || text.StartsWith('#'))
        {
            return;
        }

        text = text.TrimEnd();
        var negated = text.StartsWith('!');
        if (negated)
        {
            text = text[1..];
        }

        var folderOnly = text.EndsWith('/');
        text = text.Trim('/');
        if (text.Length == 0)
        {
            return;
        }

        // git: a pattern with a slash other than at its end is relative to the folder; without one, it matches anywhere.
        var anchored = line.TrimStart('!').StartsWith('/') || text.Contains('/', StringComparison.Ordinal);
        var glob = anchored ? text : "**/" + text;
        var matcher = new Matcher(StringComparison.Ordinal);
        matcher.AddInclude(glob + "/**");
        if (!folderOnly)
        {
            matcher.AddInclude(glob);
        }

        _rules.Add((matcher, negated, $"{source}: {line.Trim()}"));
    }

    public void AddLines(IEnumerable<string> lines, string source)
    {
        foreach (var line in lines)
        {
            Add(line, source);
        }
    }

    /// <summary>The rule that leaves <paramref name="path"/> out, or null when it is kept.</summary>
    public string? Excluding(string path)
    {
        string? reason = null;
        foreach (var (matcher, negated, source) in _rules)
        {
            if (matcher.Match(path).HasMatches)
            {
                reason = negated ? null : source;
            }
        }

        return reason;
    }
}
