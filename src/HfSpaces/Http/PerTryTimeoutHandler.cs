using System.Net.Http.Headers;

namespace HfSpaces.Http;

/// <summary>
/// Bounds one attempt in time and memory, like Azure.Core's ResponseBodyPolicy: the whole answer must arrive within
/// <see cref="HfSpacesClientOptions.PerTryTimeout"/> (only the headers for streams), a success body is buffered here (at
/// most <see cref="MaxBodyBytes"/>) so a body that breaks off fails inside the pipeline where it is typed, and an error body
/// is cut to <see cref="MaxErrorBodyBytes"/> — the message needs its first lines, not 300 MB. When the timer fires this
/// throws <see cref="TimeoutException"/>; the caller's own cancellation stays an <see cref="OperationCanceledException"/>.
/// </summary>
internal sealed class PerTryTimeoutHandler(TimeSpan timeout, TimeProvider clock) : DelegatingHandler
{
    /// <summary>Larger success bodies are refused (the Hub's largest, the hardware catalog, is a few KB).</summary>
    internal const int MaxBodyBytes = 16 * 1024 * 1024;

    /// <summary>How much of an error body is read: enough for any JSON error, HTML title or plain text message.</summary>
    internal const int MaxErrorBodyBytes = 64 * 1024;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var operation = HubRequestOption.For(request);
        var streaming = operation.Streaming;
        if (timeout == Timeout.InfiniteTimeSpan || operation.Upload)
        {
            return await SendAndReadAsync(request, streaming, cancellationToken).ConfigureAwait(false);
        }

        // On the system clock one token source does (CancelAfter); a test's clock needs its own timer linked in.
        CancellationTokenSource? timer = null;
        CancellationTokenSource attempt;
        if (clock == TimeProvider.System)
        {
            attempt = cancellationToken.CanBeCanceled ? CancellationTokenSource.CreateLinkedTokenSource(cancellationToken) : new CancellationTokenSource();
            attempt.CancelAfter(timeout);
        }
        else
        {
            timer = new CancellationTokenSource(timeout, clock);
            attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timer.Token);
        }

        try
        {
            return await SendAndReadAsync(request, streaming, attempt.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException e) when (attempt.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException(
                $"no complete answer within {timeout.TotalSeconds:0.###} s (PerTryTimeout{(streaming ? ", until the headers of a stream" : string.Empty)})", e);
        }
        finally
        {
            attempt.Dispose();
            timer?.Dispose();
        }
    }

    private async Task<HttpResponseMessage> SendAndReadAsync(HttpRequestMessage request, bool streaming, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        try
        {
            if (!response.IsSuccessStatusCode)
            {
                response.Content = await BoundedCopyAsync(response.Content, MaxErrorBodyBytes, cancellationToken).ConfigureAwait(false);
            }
            else if (!streaming)
            {
#if NET9_0_OR_GREATER
                await response.Content.LoadIntoBufferAsync(MaxBodyBytes, cancellationToken).ConfigureAwait(false);
#else
                response.Content = await BufferAsync(response.Content, MaxBodyBytes, cancellationToken).ConfigureAwait(false);
#endif
            }

            return response;
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }

    /// <summary>The first <paramref name="limit"/> bytes of a body, with its content headers; the rest is never read.</summary>
    private static async Task<HttpContent> BoundedCopyAsync(HttpContent content, int limit, CancellationToken cancellationToken)
    {
        var buffer = new byte[limit];
        var length = 0;
        var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            try
            {
                int read;
                while (length < limit && (read = await stream.ReadAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false)) > 0)
                {
                    length += read;
                }
            }
            catch (Exception e) when (e is IOException or HttpRequestException or InvalidDataException)
            {
                // The status and headers are what matter; a body that breaks off is reported with what arrived.
            }
        }

        return Replace(content, buffer, length);
    }

    /// <summary>The bytes as a new content with the old one's headers (but its length); the old one is disposed.</summary>
    private static ByteArrayContent Replace(HttpContent content, byte[] buffer, int length)
    {
        var copy = new ByteArrayContent(buffer, 0, length);
        foreach (var header in content.Headers.NonValidated)
        {
            if (!string.Equals(header.Key, "Content-Length", StringComparison.OrdinalIgnoreCase))
            {
                copy.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }
        }

        content.Dispose();
        return copy;
    }

#if !NET9_0_OR_GREATER
    /// <summary>.NET 8's LoadIntoBufferAsync takes no token: read the whole body here, cancellable and bounded, as .NET 9's does.</summary>
    private static async Task<HttpContent> BufferAsync(HttpContent content, int limit, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            var chunk = new byte[81920];
            int read;
            while ((read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
            {
                if (buffer.Length + read > limit)
                {
                    throw new HttpRequestException(HttpRequestError.ConfigurationLimitExceeded, $"The answer is larger than {limit} bytes.");
                }

                buffer.Write(chunk, 0, read);
            }
        }

        return Replace(content, buffer.GetBuffer(), (int)buffer.Length);
    }
#endif
}
