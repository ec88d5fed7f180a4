using System.Net;

namespace HfSpaces.Http;

/// <summary>
/// A request body written as it is sent (an NDJSON commit, a file upload) rather than buffered: each attempt gets a
/// fresh copy (<see cref="Fresh"/>) that writes the body again from its source, so a retry neither loses the body nor
/// makes the SDK hold a whole commit in memory.
/// </summary>
internal sealed class ReplayableContent : HttpContent
{
    private readonly Func<Stream, CancellationToken, Task> _write;
    private readonly long? _length;

    public ReplayableContent(Func<Stream, CancellationToken, Task> write, string mediaType, long? length = null)
    {
        _write = write;
        _length = length;
        Headers.TryAddWithoutValidation("Content-Type", mediaType);
    }

    /// <summary>The same body for another attempt.</summary>
    public ReplayableContent Fresh()
    {
        var copy = new ReplayableContent(_write, Headers.ContentType?.ToString() ?? "application/octet-stream", _length);
        return copy;
    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => _write(stream, CancellationToken.None);

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken) => _write(stream, cancellationToken);

    protected override bool TryComputeLength(out long length)
    {
        length = _length ?? 0;
        return _length is not null;
    }
}
