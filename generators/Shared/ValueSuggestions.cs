// One source, two uses: compiled into HfSpaces.Analyzers (the HFS001-HFS003 messages) and emitted by
// HfSpaces.Generators into the SDK (the did-you-mean of SpaceHardware.Parse), so both suggest the same value.
// Block namespace and global:: names: it must compile unchanged inside any consumer of the generator.
#nullable enable

namespace HfSpaces
{
    /// <summary>Did-you-mean suggestions for extensible-enum values.</summary>
    internal static class ValueSuggestions
    {
        /// <summary>The known value closest to <paramref name="value"/>, ignoring case, if it is close enough to be a typo.</summary>
        public static string? Nearest(string value, global::System.Collections.Generic.IEnumerable<string> known)
        {
            string? best = null;
            var bestDistance = int.MaxValue;
            var lower = value.ToLowerInvariant();
            foreach (var candidate in known)
            {
                var distance = Distance(lower, candidate.ToLowerInvariant());
                if (distance < bestDistance)
                {
                    best = candidate;
                    bestDistance = distance;
                }
            }

            // More than a third of the letters wrong is not a typo.
            return bestDistance <= global::System.Math.Max(2, value.Length / 3) ? best : null;
        }

        /// <summary>Levenshtein distance.</summary>
        public static int Distance(string a, string b)
        {
            var previous = new int[b.Length + 1];
            var current = new int[b.Length + 1];
            for (var j = 0; j <= b.Length; j++)
            {
                previous[j] = j;
            }

            for (var i = 1; i <= a.Length; i++)
            {
                current[0] = i;
                for (var j = 1; j <= b.Length; j++)
                {
                    var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                    current[j] = global::System.Math.Min(global::System.Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
                }

                (previous, current) = (current, previous);
            }

            return previous[b.Length];
        }
    }
}
