using System.Net;

namespace HfSpaces.Http;

/// <summary>
/// Follows the redirects that are safe to follow and no others (the primary handler's auto-redirect is off): only to the
/// same scheme, host and port, only for requests without a body (a 307 must never carry a secret's value anywhere), at
/// most <see cref="MaxRedirects"/> hops; 301/302/303 only for GET. A download's redirect to storage (an LFS file) is
/// followed to any https host, without the token (<see cref="HubRequests.Anonymous"/>). Any other redirect reaches the error mapping, which
/// says where it pointed. The Hub redirects renamed Spaces this way.
/// </summary>
internal sealed class RedirectHandler : DelegatingHandler
{
    internal const int MaxRedirects = 5;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var current = request;
        try
        {
            var kept = new List<KeyValuePair<string, IEnumerable<string>>>();
            for (var hop = 0; hop < MaxRedirects && Follow(current, response) is { } target; hop++)
            {
                // Storage does not know the commit: keep what the Hub said about the file (hf_hub reads it from the Hub too).
                kept.AddRange(response.Headers.NonValidated.Where(h => h.Key is "X-Repo-Commit" or "ETag").Select(h => KeyValuePair.Create(h.Key, (IEnumerable<string>)[.. h.Value])));
                response.Dispose();
                var next = HubRequests.Copy(current, target, body: null);
                if (HubRequestOption.For(request).StorageRedirects)
                {
                    next.Options.Set(HubRequests.Anonymous, true);
                }

                if (!ReferenceEquals(current, request))
                {
                    current.Dispose();
                }

                current = next;
                response = await base.SendAsync(current, cancellationToken).ConfigureAwait(false);
            }

            foreach (var (name, values) in kept)
            {
                if (name == "X-Repo-Commit" ? !response.Headers.Contains(name) : response.Headers.ETag is null)
                {
                    response.Headers.TryAddWithoutValidation(name, values);
                }
            }

            return response;
        }
        finally
        {
            if (!ReferenceEquals(current, request))
            {
                current.Dispose();
            }
        }
    }

    private static Uri? Follow(HttpRequestMessage request, HttpResponseMessage response)
    {
        var status = response.StatusCode;
        var followable = status is HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect
            || (request.Method == HttpMethod.Get && status is HttpStatusCode.MovedPermanently or HttpStatusCode.Found or HttpStatusCode.SeeOther);
        if (!followable || response.Headers.Location is not { } location || request.RequestUri is not { } from)
        {
            return null;
        }

        var target = location.IsAbsoluteUri ? location : new Uri(from, location);
        var hasBody = request.Content is not null && request.Content.Headers.ContentLength is not 0;
        if (hasBody)
        {
            return null;
        }

        // A download may be sent to storage elsewhere (an LFS file): followed over https (or to the same origin), without the token.
        var storage = HubRequestOption.For(request).StorageRedirects && request.Method == HttpMethod.Get
            && (target.Scheme == Uri.UriSchemeHttps || HubErrors.SameOrigin(from, target));
        return storage || HubErrors.SameOrigin(from, target) ? target : null;
    }
}
