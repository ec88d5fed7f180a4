namespace HfSpaces.Emulator.Hosting;

/// <summary>
/// A request body as the endpoint reads it, counted: once a read has returned 0 its size is known (<see cref="Size"/>)
/// without the recorder reading (or buffering) a body of gigabytes a second time.
/// </summary>
internal sealed class CountedBody(Stream inner) : Stream
{
    private long _furthest;
    private bool _ended;

    /// <summary>The body's size in bytes, or null while no read has reached its end.</summary>
    public long? Size => _ended ? _furthest : null;

    public override bool CanRead => true;

    public override bool CanSeek => inner.CanSeek;

    public override bool CanWrite => false;

    public override long Length => inner.Length;

    public override long Position { get => inner.Position; set => inner.Position = value; }

    public override int Read(byte[] buffer, int offset, int count) => Counted(inner.Read(buffer, offset, count), count);

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        Counted(await inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false), buffer.Length);

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    /// <summary>The furthest position read (the body is rewindable: the recorder read its start first); 0 for a non-empty buffer is the end.</summary>
    private int Counted(int read, int asked)
    {
        _furthest = Math.Max(_furthest, inner.Position);
        _ended |= read == 0 && asked > 0;
        return read;
    }

    public override long Seek(long offset, SeekOrigin origin) => inner.Seek(offset, origin);

    public override void Flush()
    {
    }

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
