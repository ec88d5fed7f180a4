namespace HfSpaces.Http;

/// <summary>
/// Makes a caller's <see cref="HttpClient"/> the last stage of the SDK's chain, so the SDK's handlers run in front of the
/// caller's own. An <see cref="HttpClient"/> sends a message once, so each attempt goes as a copy.
/// </summary>
internal sealed class HttpClientTransport(HttpClient client) : HttpMessageHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? null : await request.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        using var copy = HubRequests.Copy(request, request.RequestUri!, body);
        var response = await client.SendAsync(copy, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        response.RequestMessage = request;
        return response;
    }
}
