namespace HfSpaces.Http;

/// <summary>The first handler: a request that carries a <see cref="ReplayableBodyOption"/> is sent with that body (written as it goes) instead of Kiota's stream.</summary>
internal sealed class ReplayableBodyHandler : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Options.TryGetValue(ReplayableBodyOption.Key, out var option) && option is ReplayableBodyOption body && request.Content is not ReplayableContent)
        {
            request.Content?.Dispose();
            request.Content = body.Content.Fresh();
        }

        return base.SendAsync(request, cancellationToken);
    }
}
