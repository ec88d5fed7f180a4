using System.Globalization;

namespace HfSpaces.Resilience;

/// <summary>
/// The Hub's <c>RateLimit</c> header (IETF draft syntax, <c>"api";r=0;t=55</c>: <c>r</c> requests left in the window,
/// <c>t</c> seconds to its reset), read in one place for the error factory (a 429's wait) and the gate (a success that
/// spends the budget).
/// </summary>
internal static class RateLimitHeader
{
    /// <summary>The <c>r=</c> and <c>t=</c> of every <c>RateLimit</c> value (the last of each wins); nulls when absent.</summary>
    public static (int? Remaining, int? ResetSeconds) Read(HttpResponseMessage response)
    {
        if (!response.Headers.NonValidated.TryGetValues("RateLimit", out var values))
        {
            return (null, null);
        }

        int? remaining = null;
        int? reset = null;
        foreach (var value in values)
        {
            foreach (var part in value.Split(';', ','))
            {
                var p = part.Trim();
                if (p.StartsWith("r=", StringComparison.Ordinal) && int.TryParse(p.AsSpan(2), NumberStyles.None, CultureInfo.InvariantCulture, out var r))
                {
                    remaining = r;
                }
                else if (p.StartsWith("t=", StringComparison.Ordinal) && int.TryParse(p.AsSpan(2), NumberStyles.None, CultureInfo.InvariantCulture, out var t))
                {
                    reset = t;
                }
            }
        }

        return (remaining, reset);
    }
}
