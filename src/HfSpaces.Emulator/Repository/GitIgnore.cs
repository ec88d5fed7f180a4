using System.Text;
using System.Text.RegularExpressions;

namespace HfSpaces.Emulator.Repository;

/// <summary>
/// A <c>.gitignore</c> as the Hub applies it to a preupload (its <c>shouldIgnore</c>): git's rules — blank lines and
/// <c>#</c> comments skipped, <c>!</c> re-includes, a trailing <c>/</c> matches folders only, a pattern with a slash is
/// anchored at the root and one without matches at any depth, <c>*</c> and <c>?</c> stop at <c>/</c>, <c>**</c> spans
/// folders; the last matching line decides, and a file inside an ignored folder stays ignored.
/// </summary>
internal sealed class GitIgnore
{
    private readonly List<(Regex Pattern, bool Negated, bool FoldersOnly)> _rules = [];

    public GitIgnore(string? text)
    {
        foreach (var raw in (text ?? string.Empty).Split('\n'))
        {
            var line = raw.TrimEnd('\r').TrimEnd(' ');
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var negated = line[0] == '!';
            if (negated || line.StartsWith("\\!", StringComparison.Ordinal) || line.StartsWith("\\#", StringComparison.Ordinal))
            {
                line = line[1..];
            }

            var foldersOnly = line.EndsWith('/');
            line = line.TrimEnd('/');
            if (line.Length == 0)
            {
                continue;
            }

            var anchored = line.Contains('/', StringComparison.Ordinal);
            var body = Translate(line.TrimStart('/'));
            _rules.Add((new Regex((anchored ? "^" : "^(?:.*/)?") + body + "$", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)), negated, foldersOnly));
        }
    }

    public bool IsEmpty => _rules.Count == 0;

    /// <summary>True when <paramref name="path"/> (a file, <c>/</c>-separated) or one of its folders is ignored.</summary>
    public bool Ignores(string path)
    {
        var slash = -1;
        while ((slash = path.IndexOf('/', slash + 1)) >= 0)
        {
            if (Decide(path[..slash], folder: true))
            {
                return true;
            }
        }

        return Decide(path, folder: false);
    }

    private bool Decide(string path, bool folder)
    {
        var ignored = false;
        foreach (var (pattern, negated, foldersOnly) in _rules)
        {
            if ((folder || !foldersOnly) && pattern.IsMatch(path))
            {
                ignored = !negated;
            }
        }

        return ignored;
    }

    private static string Translate(string glob)
    {
        var regex = new StringBuilder();
        for (var i = 0; i < glob.Length; i++)
        {
            var c = glob[i];
            if (c == '*' && i + 1 < glob.Length && glob[i + 1] == '*')
            {
                var slashAfter = i + 2 < glob.Length && glob[i + 2] == '/';
                regex.Append(slashAfter ? "(?:.*/)?" : ".*");
                i += slashAfter ? 2 : 1;
            }
            else if (c == '*')
            {
                regex.Append("[^/]*");
            }
            else if (c == '?')
            {
                regex.Append("[^/]");
            }
            else if (c == '[' && glob.IndexOf(']', i + 1) is var end and > 0)
            {
                var set = glob[(i + 1)..end];
                regex.Append('[').Append(set.StartsWith('!') ? "^" + Regex.Escape(set[1..]) : Regex.Escape(set)).Append(']');
                i = end;
            }
            else if (c == '\\' && i + 1 < glob.Length)
            {
                regex.Append(Regex.Escape(glob[++i].ToString()));
            }
            else
            {
                regex.Append(Regex.Escape(c.ToString()));
            }
        }

        return regex.ToString();
    }
}
