using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Authentication;

namespace HfSpaces.Auth;

/// <summary>
/// Adds <c>Authorization: Bearer</c> to requests for the configured endpoint's host and scheme only, so the token never
/// reaches another host (redirects are not followed across hosts with it either: .NET drops the header on redirect).
/// </summary>
internal sealed class HubAuthenticationProvider(HubCredentials credentials) : IAuthenticationProvider
{
    private readonly string? _header = credentials.Token is null ? null : "Bearer " + credentials.Token;

    public Task AuthenticateRequestAsync(RequestInformation request, Dictionary<string, object>? additionalAuthenticationContext = null, CancellationToken cancellationToken = default)
    {
        if (_header is not null && IsHubUri(request.URI))
        {
            request.Headers.TryAdd("Authorization", _header);
        }

        return Task.CompletedTask;
    }

    private bool IsHubUri(Uri uri) =>
        string.Equals(uri.Host, credentials.Endpoint.Host, StringComparison.OrdinalIgnoreCase)
        && uri.Port == credentials.Endpoint.Port
        && uri.Scheme == credentials.Endpoint.Scheme;
}
