using System.Net;

namespace HfSpaces.Http;

/// <summary>
/// Follows the redirects that are safe to follow and no others (the primary handler's auto-redirect is off): only to the
/// same scheme, host and port, only for requests without a body (a 307 must never carry a secret's value anywhere), at
/// most <see cref="MaxRedirects"/> hops; 301/302/303 only for GET. Any other redirect reaches the error mapping, which
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
            for (var hop = 0; hop < MaxRedirects && Follow(current, response) is { } target; hop++)
            {
                response.Dispose();
                var next = HubRequests.Copy(current, target, body: null);
                if (!ReferenceEquals(current, request))
                {
                    current.Dispose();
                }

                current = next;
                response = await base.SendAsync(current, cancellationToken).ConfigureAwait(false);
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
        return !hasBody && HubErrors.SameOrigin(from, target) ? target : null;
    }
}
