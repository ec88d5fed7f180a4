namespace HfSpaces.Http;

/// <summary>Copies of a request for a retry or a redirect: method, headers, options and body, to a given address.</summary>
internal static class HubRequests
{
    /// <summary>Set on a redirect hop to storage: the authentication handler sends no token with it.</summary>
    public static readonly HttpRequestOptionsKey<bool> Anonymous = new("HfSpaces.Anonymous");

    public static HttpRequestMessage Copy(HttpRequestMessage request, Uri uri, byte[]? body)
    {
        var copy = new HttpRequestMessage(request.Method, uri)
        {
            Version = request.Version,
            VersionPolicy = request.VersionPolicy,
        };
        foreach (var header in request.Headers.NonValidated)
        {
            copy.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        foreach (var option in request.Options)
        {
            ((IDictionary<string, object?>)copy.Options)[option.Key] = option.Value;
        }

        if (request.Content is ReplayableContent replayable)
        {
            copy.Content = replayable.Fresh();
        }
        else if (request.Content is not null)
        {
            copy.Content = new ByteArrayContent(body ?? []);
            foreach (var header in request.Content.Headers.NonValidated)
            {
                if (!string.Equals(header.Key, "Content-Length", StringComparison.OrdinalIgnoreCase))
                {
                    copy.Content.Headers.TryAddWithoutValidation(header.Key, header.Value);
                }
            }
        }

        return copy;
    }
}
