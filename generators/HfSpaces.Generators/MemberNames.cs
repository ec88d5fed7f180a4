using System.Collections.Generic;
using System.Text;

namespace HfSpaces.Generators;

/// <summary>Turns wire values into C# member names: <c>a10g-largex2</c> → <c>A10gLargex2</c>, <c>NO_APP_FILE</c> → <c>NoAppFile</c>.</summary>
internal static class MemberNames
{
    public static string FromValue(string value)
    {
        var builder = new StringBuilder(value.Length);
        var startOfWord = true;
        var allUpper = value.ToUpperInvariant() == value;
        foreach (var c in value)
        {
            if (!char.IsLetterOrDigit(c))
            {
                startOfWord = true;
                continue;
            }

            builder.Append(startOfWord ? char.ToUpperInvariant(c) : allUpper ? char.ToLowerInvariant(c) : c);
            startOfWord = false;
        }

        if (builder.Length == 0 || char.IsDigit(builder[0]))
        {
            builder.Insert(0, 'V');
        }

        return builder.ToString();
    }

    /// <summary>One distinct, non-reserved name per value, in order.</summary>
    public static string[] ForValues(IReadOnlyList<string> values, ISet<string> reserved)
    {
        var used = new HashSet<string>();
        var names = new string[values.Count];
        for (var i = 0; i < values.Count; i++)
        {
            var name = FromValue(values[i]);
            if (reserved.Contains(name))
            {
                name += "Value";
            }

            var candidate = name;
            for (var n = 2; used.Contains(candidate); n++)
            {
                candidate = name + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            used.Add(candidate);
            names[i] = candidate;
        }

        return names;
    }
}
