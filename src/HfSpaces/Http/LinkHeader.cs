namespace HfSpaces.Http;

/// <summary>Reads RFC 8288 <c>Link</c> headers as the Hub sends them for pagination: <c>&lt;url&gt;; rel="next"</c>.</summary>
internal static class LinkHeader
{
    /// <summary>The target of the first link whose <c>rel</c> includes <c>next</c>, as written (maybe relative); null if none.</summary>
    public static string? Next(HttpResponseMessage response)
    {
        if (!response.Headers.TryGetValues("Link", out var values))
        {
            return null;
        }

        foreach (var value in values)
        {
            var rest = value.AsSpan();
            while (rest.IndexOf('<') is var open and >= 0)
            {
                rest = rest[(open + 1)..];
                var close = rest.IndexOf('>');
                if (close < 0)
                {
                    break;
                }

                var target = rest[..close];
                rest = rest[(close + 1)..];
                var end = rest.IndexOf('<');
                var parameters = end < 0 ? rest : rest[..end];
                if (HasNextRel(parameters))
                {
                    return target.Trim().ToString();
                }
            }
        }

        return null;
    }

    /// <summary><c>; rel="next"</c>, <c>; rel=next</c> or <c>; rel="prev next"</c> (relation types are case-insensitive).</summary>
    private static bool HasNextRel(ReadOnlySpan<char> parameters)
    {
        foreach (var part in parameters.ToString().Split(';'))
        {
            var parameter = part.Trim();
            var equals = parameter.IndexOf('=', StringComparison.Ordinal);
            if (equals < 0 || !parameter[..equals].Trim().Equals("rel", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var relations = parameter[(equals + 1)..].Trim().Trim('"').Trim(',').Trim('"');
            if (relations.Split(' ', StringSplitOptions.RemoveEmptyEntries).Any(r => r.Equals("next", StringComparison.OrdinalIgnoreCase)))
            {
                return true;
            }
        }

        return false;
    }
}
