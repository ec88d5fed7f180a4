using System.Net;
using System.Runtime.CompilerServices;
using System.Text.Json;
using HfSpaces.Generated;
using HfSpaces.Resilience;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Abstractions.Serialization;
using Microsoft.Kiota.Http.HttpClientLibrary;

namespace HfSpaces.Http;

/// <summary>
/// The one way to the Hub (the role of Octokit's <c>ApiConnection</c>): every operation of the façade builds its request
/// from Kiota's generated builders (or a <see cref="SpaceRequest"/> template read from them), sends it through Kiota's
/// adapter and the SDK's handler chain with its <see cref="HubRequestOption"/>, and reads the answer here. A failure that
/// the chain did not already type becomes an <see cref="HfSpacesException"/> through <see cref="HubErrors"/>, the one
/// factory; nothing else in the SDK constructs one.
/// </summary>
internal sealed class HubConnection : IDisposable
{
    private readonly HttpClient _http;
    private readonly HttpClientRequestAdapter _adapter;
    private readonly string _baseUrl;

    public HubConnection(HttpClient http, Uri endpoint, TimeProvider clock, RateLimitGate? gate)
    {
        _http = http;
        Endpoint = endpoint;
        Clock = clock;
        Gate = gate;
        _baseUrl = endpoint.ToString().TrimEnd('/');
        // The SDK's JSON writer is registered where Kiota looks for one (its serialization-writer factory), not called beside it.
        _adapter = new HttpClientRequestAdapter(new AnonymousAuthenticationProvider(), serializationWriterFactory: HubJsonWriterFactory.Registry(), httpClient: http) { BaseUrl = _baseUrl };
        Api = new HfSpacesApiClient(_adapter);
    }

    /// <summary>Kiota's generated client: the builders every request starts from.</summary>
    public HfSpacesApiClient Api { get; }

    /// <summary>The Hub this connection talks to.</summary>
    public Uri Endpoint { get; }

    /// <summary>The clock of retries, waits and idle timeouts.</summary>
    public TimeProvider Clock { get; }

    /// <summary>The rate-limit state shared by every call of the client (null on a mock-only client).</summary>
    public RateLimitGate? Gate { get; }

    /// <summary>A Space operation's request from its template, with its JSON body if any.</summary>
    public RequestInformation Request(SpaceRequest request, SpaceId space, IParsable? body = null)
    {
        var info = request.Create(Api, _baseUrl, space);
        return body is null ? info : WithJson(info, body);
    }

    /// <summary>
    /// Sets a JSON body through Kiota (<c>SetContentFromParsable</c>, the adapter's writer factory: <see cref="HubJsonWriterFactory"/>),
    /// as <paramref name="mediaType"/> (git LFS's own JSON type too).
    /// </summary>
    public RequestInformation WithJson(RequestInformation info, IParsable body, string mediaType = "application/json")
    {
        info.SetContentFromParsable(_adapter, mediaType, body);
        return info;
    }

    /// <summary>
    /// A Space's URL on the endpoint for a path the generated builders cannot fill (a download's slashes, LFS's
    /// <c>{repo}.git</c>): <c>{endpoint}/{area}/{namespace}/{name}{rest}</c>, the id's parts escaped, <paramref name="rest"/> as given.
    /// </summary>
    public string SpaceUrl(string area, SpaceId space, string rest) =>
        $"{_baseUrl}/{area}/{Uri.EscapeDataString(space.Namespace)}/{Uri.EscapeDataString(space.Name)}{rest}";

    /// <summary>Sends, then reads the buffered answer once as JSON and maps it.</summary>
    public async Task<T> SendAsync<T>(RequestInformation info, HubRequestOption operation, Func<JsonDocument?, T> map, CancellationToken cancellationToken)
    {
        using var response = await ExchangeAsync(info, operation, cancellationToken).ConfigureAwait(false);
        return await ReadJsonAsync(info, response, map, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Sends with a body written as it goes (a commit, an upload) instead of the request's stream, then reads the JSON answer.</summary>
    public Task<T> SendAsync<T>(RequestInformation info, HubRequestOption operation, ReplayableContent body, Func<JsonDocument?, T> map, CancellationToken cancellationToken)
    {
        info.AddRequestOptions([new ReplayableBodyOption(body)]);
        return SendAsync(info, operation, map, cancellationToken);
    }

    /// <summary>Copies a streamed success body to <paramref name="destination"/>; a connection that breaks meanwhile is a typed failure.</summary>
    public static async Task<long> CopyBodyAsync(RequestInformation info, HttpResponseMessage response, Stream destination, IProgress<long>? progress, CancellationToken cancellationToken)
    {
        var buffer = new byte[81920];
        long total = 0;
        var source = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (source.ConfigureAwait(false))
        {
            while (true)
            {
                int read;
                try
                {
                    read = await source.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    throw HubErrors.StreamBroke(info.HttpMethod.ToString(), info.URI.AbsolutePath, $"the download broke after {total} bytes", e);
                }

                if (read == 0)
                {
                    return total;
                }

                await destination.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
                total += read;
                progress?.Report(total);
            }
        }
    }

    /// <summary>The body of a success that must be there; an empty one is an unreadable answer.</summary>
    public static JsonDocument Body(JsonDocument? document) => document ?? throw new FormatException("the Hub answered with an empty body");

    /// <summary>Reads a buffered success body once as JSON and maps it; a body that is not the promised shape becomes an <see cref="HfSpacesException"/>.</summary>
    public static async Task<T> ReadJsonAsync<T>(RequestInformation info, HttpResponseMessage response, Func<JsonDocument?, T> map, CancellationToken cancellationToken)
    {
        var status = response.StatusCode;
        try
        {
            var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            using var document = body.Length == 0 ? null : await JsonDocument.ParseAsync(body, default, cancellationToken).ConfigureAwait(false);
            return map(document);
        }
        catch (JsonException e)
        {
            throw HubErrors.Unreadable(info, status, $"failed: the Hub answered {(int)status} with a body that is not valid JSON ({e.Message})", e);
        }
        catch (Exception e) when (e is FormatException or InvalidOperationException or ArgumentException or KeyNotFoundException or OverflowException)
        {
            throw HubErrors.Unreadable(info, status, $"answered {(int)status} with a body this SDK cannot read: {e.Message}", e);
        }
    }

    /// <summary>One exchange through Kiota's adapter; the response comes back open (streams) or buffered (everything else).</summary>
    public async Task<HttpResponseMessage> ExchangeAsync(RequestInformation info, HubRequestOption operation, CancellationToken cancellationToken)
    {
        var answer = new NativeResponseHandler();
        info.AddRequestOptions([operation, new ResponseHandlerOption { ResponseHandler = answer }]);
        try
        {
            await _adapter.SendPrimitiveAsync<Stream>(info, cancellationToken: cancellationToken).ConfigureAwait(false);
            return answer.Value as HttpResponseMessage ?? throw new InvalidOperationException("Kiota handed back no response.");
        }
        catch (Exception e) when (e is not HfSpacesException && !(e is OperationCanceledException && cancellationToken.IsCancellationRequested))
        {
            throw HubErrors.Unsent(info, e);
        }
    }

    /// <summary>
    /// A listing read page by page as the sequence is read (the Hub's GitHub-style <c>Link: rel="next"</c>): the next page
    /// is asked for only when the previous one is used up; it stops at <paramref name="limit"/>, at a page without a next
    /// link or an empty one, and refuses a next link to another origin or back to a page already read.
    /// </summary>
    /// <param name="info">The first page's request.</param>
    /// <param name="operation">The operation every page is sent as.</param>
    /// <param name="readPage">Maps one page's JSON.</param>
    /// <param name="nextPage">The request for a next-page URL (Kiota's builder <c>WithUrl</c>).</param>
    /// <param name="limit">At most this many items, or null for all.</param>
    /// <param name="cancellationToken">Cancels the listing.</param>
    public async IAsyncEnumerable<T> ListPagesAsync<T>(
        RequestInformation info,
        HubRequestOption operation,
        Func<JsonDocument, IReadOnlyList<T>> readPage,
        Func<string, RequestInformation> nextPage,
        int? limit,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var count = 0;
        var followed = new HashSet<string>(StringComparer.Ordinal);
        while (true)
        {
            IReadOnlyList<T> page;
            string? link;
            Uri? current;
            using (var response = await ExchangeAsync(info, operation, cancellationToken).ConfigureAwait(false))
            {
                link = LinkHeader.Next(response);
                current = response.RequestMessage?.RequestUri;
                page = await ReadJsonAsync(info, response, d => readPage(Body(d)), cancellationToken).ConfigureAwait(false);
            }

            foreach (var item in page)
            {
                yield return item;
                if (++count == limit)
                {
                    yield break;
                }
            }

            // No next page, or an empty page that still points on (nothing more to give, and following could spin forever).
            // The link is checked only now, when the caller wants more: the page it came with has been handed out.
            if (link is null || page.Count == 0)
            {
                yield break;
            }

            var next = NextPage(info, current ?? info.URI, link);
            if (!followed.Add(next.AbsoluteUri))
            {
                throw HubErrors.Unreadable(info, HttpStatusCode.OK, $"the next-page link leads back to a page already read ({next.PathAndQuery}): the listing would never end", new InvalidDataException(next.AbsoluteUri));
            }

            info = nextPage(next.AbsoluteUri);
        }
    }

    /// <summary>The <c>rel="next"</c> URL of a <c>Link</c> header, resolved against the request it answered; only on the endpoint's origin.</summary>
    private Uri NextPage(RequestInformation info, Uri current, string link)
    {
        if (!Uri.TryCreate(current, link, out var next) || next.Scheme is not ("http" or "https"))
        {
            throw HubErrors.Unreadable(info, HttpStatusCode.OK, "the next-page link is not an http(s) URL", new FormatException(link));
        }

        return HubErrors.SameOrigin(next, Endpoint)
            ? next
            : throw HubErrors.Unreadable(info, HttpStatusCode.OK, $"the next-page link points to another host ({next.GetLeftPart(UriPartial.Authority)}): not followed", new InvalidDataException(next.GetLeftPart(UriPartial.Authority)));
    }

    public void Dispose()
    {
        _adapter.Dispose();
        _http.Dispose();
    }
}
