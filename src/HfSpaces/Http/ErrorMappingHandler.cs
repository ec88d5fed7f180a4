using System.Net;

namespace HfSpaces.Http;

/// <summary>
/// The one place where a failed exchange becomes an <see cref="HfSpacesException"/>: an error status (with the Hub's
/// code, message and request id), a redirect the SDK does not follow, a refused or reset connection, a timeout, a body
/// that breaks off, fails to decompress or is too large. Whatever the network or the server does, only a success
/// response or an <see cref="HfSpacesException"/> leaves it; the caller's cancellation stays an <see cref="OperationCanceledException"/>.
/// </summary>
internal sealed class ErrorMappingHandler(string tokenSource) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        HttpResponseMessage response;
        try
        {
            response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (HfSpacesException)
        {
            throw;
        }
        catch (Exception e)
        {
            throw Map(request, e);
        }

        if (response.IsSuccessStatusCode)
        {
            return response;
        }

        using (response)
        {
            if ((int)response.StatusCode is >= 300 and < 400)
            {
                throw HubErrors.NotFollowed(request, response);
            }

            // The handler below cut the body to a bounded buffer: reading it here cannot fail or grow.
            var body = await response.Content.ReadAsByteArrayAsync(CancellationToken.None).ConfigureAwait(false);
            throw HubErrors.FromResponse(request, response, body, tokenSource);
        }
    }

    private static HfSpacesException Map(HttpRequestMessage request, Exception e) => e switch
    {
        TimeoutException => HubErrors.Transport(request, e.Message + ".", e, HubFailure.Timeout),
        HttpRequestException { HttpRequestError: HttpRequestError.NameResolutionError } =>
            HubErrors.Transport(request, $"the host {request.RequestUri?.Host} could not be resolved (check HF_ENDPOINT).", e, HubFailure.NotConnected),
        HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError } when e.InnerException is System.Net.Sockets.SocketException =>
            HubErrors.Transport(request, $"could not connect to {request.RequestUri?.Authority} ({e.InnerException.Message}).", e, HubFailure.NotConnected),
        HttpRequestException { HttpRequestError: HttpRequestError.ConfigurationLimitExceeded } =>
            HubErrors.Transport(request, $"the answer is larger than {PerTryTimeoutHandler.MaxBodyBytes / (1024 * 1024)} MB, the most this SDK reads.", e, HubFailure.Unreadable),
        HttpRequestException { HttpRequestError: HttpRequestError.InvalidResponse } =>
            HubErrors.Transport(request, $"the answer is not valid HTTP ({e.Message}).", e, HubFailure.Transport),
        _ when Find<Repository.BodyChangedException>(e) is { } changed =>
            HubErrors.Transport(request, $"the request body could not be sent: {changed.Message}", e, HubFailure.BodyFailed),
        InvalidDataException =>
            HubErrors.Transport(request, $"the answer's body could not be decompressed ({e.Message}).", e, HubFailure.Unreadable),
        _ => HubErrors.Transport(request, $"the connection broke before the whole answer arrived ({Describe(e)}).", e, HubFailure.Transport),
    };

    private static T? Find<T>(Exception? e)
        where T : Exception
    {
        for (; e is not null; e = e.InnerException)
        {
            if (e is T found)
            {
                return found;
            }
        }

        return null;
    }

    /// <summary>The innermost useful message: "Connection reset by peer" rather than "An error occurred while sending the request."</summary>
    private static string Describe(Exception e)
    {
        var message = e.Message;
        for (var inner = e.InnerException; inner is not null; inner = inner.InnerException)
        {
            message = inner.Message;
        }

        return message.TrimEnd('.');
    }
}
