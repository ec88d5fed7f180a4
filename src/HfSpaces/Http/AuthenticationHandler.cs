using System.Net.Http.Headers;

namespace HfSpaces.Http;

/// <summary>
/// Adds <c>Authorization: Bearer</c> to requests for the endpoint's scheme, host and port only, and removes any other
/// Authorization header from requests elsewhere: the token never leaves the endpoint, also not through a redirect. The
/// token was checked for control and non-ASCII characters when it was resolved, so it cannot split a header.
/// </summary>
internal sealed class AuthenticationHandler(Auth.HubCredentials credentials) : DelegatingHandler
{
    private readonly AuthenticationHeaderValue? _header = credentials.Token is null ? null : new AuthenticationHeaderValue("Bearer", credentials.Token);

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        // Presigned storage URLs (and the storage a download is redirected to) authorize themselves: never the token.
        var anonymous = HubRequestOption.For(request).Presigned || request.Options.TryGetValue(HubRequests.Anonymous, out var hop) && hop;
        request.Headers.Authorization = !anonymous && _header is not null && request.RequestUri is { } uri && HubErrors.SameOrigin(uri, credentials.Endpoint)
            ? _header
            : null;
        return base.SendAsync(request, cancellationToken);
    }
}
