using System.Globalization;
using System.Text.RegularExpressions;

namespace HfSpaces.Manifests;

/// <summary>Sleep times as people write them: <c>1h</c>, <c>30m</c>, <c>1h30m</c>, <c>90s</c>, <c>3600</c> (seconds) or <c>never</c>.</summary>
public static partial class SleepTimeText
{
    /// <summary>The time, <see cref="Timeout.InfiniteTimeSpan"/> for <c>never</c>; null when the text is none of the forms.</summary>
    public static TimeSpan? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        text = text.Trim();
        if (text.Equals("never", StringComparison.OrdinalIgnoreCase))
        {
            return Timeout.InfiniteTimeSpan;
        }

        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return seconds is > 0 and <= int.MaxValue ? TimeSpan.FromSeconds(seconds) : null;
        }

        var match = Units().Match(text);
        if (!match.Success || match.Length == 0)
        {
            return null;
        }

        long Part(string unit) => match.Groups[unit].Success ? long.Parse(match.Groups[unit].Value, CultureInfo.InvariantCulture) : 0;
        var total = (Part("d") * 86400) + (Part("h") * 3600) + (Part("m") * 60) + Part("s");
        return total is > 0 and <= int.MaxValue ? TimeSpan.FromSeconds(total) : null;
    }

    /// <summary><c>1h30m</c>, <c>45s</c>, <c>never</c>: the shortest form <see cref="Parse"/> reads back.</summary>
    public static string Format(TimeSpan sleepTime)
    {
        if (sleepTime == Timeout.InfiniteTimeSpan)
        {
            return "never";
        }

        var seconds = (long)sleepTime.TotalSeconds;
        var text = string.Empty;
        foreach (var (unit, size) in new[] { ("d", 86400L), ("h", 3600L), ("m", 60L), ("s", 1L) })
        {
            if (seconds >= size)
            {
                text += (seconds / size).ToString(CultureInfo.InvariantCulture) + unit;
                seconds %= size;
            }
        }

        return text.Length == 0 ? "0s" : text;
    }

    [GeneratedRegex("^(?:(?<d>[0-9]{1,5})d)?(?:(?<h>[0-9]{1,6})h)?(?:(?<m>[0-9]{1,8})m)?(?:(?<s>[0-9]{1,10})s)?$", RegexOptions.CultureInvariant)]
    private static partial Regex Units();
}
