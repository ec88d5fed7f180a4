namespace HfSpaces.Http;

/// <summary>
/// The log stream as <see cref="System.Net.ServerSentEvents.SseParser"/> reads it: every line at most
/// <see cref="MaxLineBytes"/> (a longer one is cut there, at a character boundary, and marked with "…"; the rest of it is
/// dropped, so a stream without newlines cannot grow memory), every line end (CR, LF or CRLF) followed by a blank line (so
/// each <c>data:</c> line is dispatched as it arrives, as <c>huggingface_hub</c> reads them, never held until the next
/// blank line, and no event can be larger than a line), a last unterminated line ended at the end of the stream; silence
/// past the idle timeout is the end of the stream (a read without --follow is complete), and a broken stream an
/// <see cref="HfSpacesException"/>. The inner stream stays its owner's to dispose.
/// </summary>
internal sealed class LogLineStream(Stream inner, string path, TimeSpan? idleTimeout, TimeProvider clock) : Stream
{
    /// <summary>A longer line is cut here, counting the field name (<c>data: </c>) and in UTF-8 bytes.</summary>
    internal const int MaxLineBytes = 64 * 1024;

    private static ReadOnlySpan<byte> Ellipsis => "…"u8;

    private static ReadOnlySpan<byte> LineEnd => "\n\n"u8;

    private readonly byte[] _input = new byte[16 * 1024];
    private readonly byte[] _output = new byte[(2 * 16 * 1024) + 16];
    private int _outputStart;
    private int _outputEnd;
    private int _lineLength;
    private bool _dropping;
    private bool _ellipsisDue;
    private int _completing;
    private bool _afterCr;
    private bool _ended;

    // The idle timer runs on the client's clock, so tests can drive it with a fake TimeProvider; one for the stream, re-armed
    // at each read, and linked once with the reader's token (the parser passes the same one to every read).
    private readonly CancellationTokenSource? _idle = idleTimeout is null ? null : new CancellationTokenSource(Timeout.InfiniteTimeSpan, clock);
    private CancellationTokenSource? _linked;
    private CancellationToken _linkedTo;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        while (_outputStart == _outputEnd)
        {
            if (_ended)
            {
                return 0;
            }

            _outputStart = _outputEnd = 0;
            var count = await ReadInnerAsync(cancellationToken).ConfigureAwait(false);
            if (count <= 0)
            {
                _ended = true;
                if (_lineLength > 0 || _dropping)
                {
                    EndLine();
                }
            }
            else
            {
                Transform(_input.AsSpan(0, count));
            }
        }

        var length = Math.Min(buffer.Length, _outputEnd - _outputStart);
        _output.AsMemory(_outputStart, length).CopyTo(buffer);
        _outputStart += length;
        return length;
    }

    public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    /// <summary>Reads once; silence past the idle timeout is 0 (the end).</summary>
    private async Task<int> ReadInnerAsync(CancellationToken cancellationToken)
    {
        if (_idle is null)
        {
            return await ReadOnceAsync(cancellationToken).ConfigureAwait(false);
        }

        if (_linked is null || _linkedTo != cancellationToken)
        {
            _linked?.Dispose();
            (_linked, _linkedTo) = (CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _idle.Token), cancellationToken);
        }

        _idle.CancelAfter(idleTimeout.GetValueOrDefault());
        try
        {
            return await ReadOnceAsync(_linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (_idle.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return 0;
        }
    }

    /// <summary>One read of the response; a broken stream becomes an <see cref="HfSpacesException"/>.</summary>
    private async Task<int> ReadOnceAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await inner.ReadAsync(_input, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // IOException, HttpIOException, a decompressor's InvalidDataException or InvalidOperationException: all "broke".
            throw HubErrors.StreamBroke("GET", path, "the log stream broke", e);
        }
    }

    private void Transform(ReadOnlySpan<byte> text)
    {
        if (_afterCr && text[0] == (byte)'\n')
        {
            text = text[1..]; // the LF of a CRLF split between two reads
        }

        _afterCr = false;
        while (!text.IsEmpty)
        {
            var end = text.IndexOfAny((byte)'\r', (byte)'\n');
            Append(end < 0 ? text : text[..end]);
            if (end < 0)
            {
                return;
            }

            EndLine();
            if (text[end] == (byte)'\r')
            {
                if (end + 1 == text.Length)
                {
                    _afterCr = true;
                }
                else if (text[end + 1] == (byte)'\n')
                {
                    end++;
                }
            }

            text = text[(end + 1)..];
        }
    }

    /// <summary>
    /// Part of a line: kept up to <see cref="MaxLineBytes"/>, then cut after the character that crosses it (at most three
    /// continuation bytes more, so a run of them cannot stretch the line), the rest dropped.
    /// </summary>
    private void Append(ReadOnlySpan<byte> part)
    {
        if (_dropping)
        {
            // A character cut at the end of the previous read is completed before the mark.
            if (_ellipsisDue)
            {
                var continuation = Continuation(part, _completing);
                Emit(part[..continuation]);
                _completing -= continuation;
                if (continuation < part.Length || _completing == 0)
                {
                    Emit(Ellipsis);
                    _ellipsisDue = false;
                }
            }

            return;
        }

        var room = MaxLineBytes - _lineLength;
        if (part.Length <= room)
        {
            Emit(part);
            _lineLength += part.Length;
            return;
        }

        var extra = Continuation(part[room..], 3);
        var cut = room + extra;
        Emit(part[..cut]);
        (_dropping, _ellipsisDue, _completing) = (true, true, 3 - extra);
        if (cut < part.Length || _completing == 0)
        {
            Emit(Ellipsis);
            _ellipsisDue = false;
        }
    }

    /// <summary>How many of the first bytes (at most <paramref name="most"/>) are UTF-8 continuation bytes.</summary>
    private static int Continuation(ReadOnlySpan<byte> bytes, int most)
    {
        var count = 0;
        while (count < bytes.Length && count < most && (bytes[count] & 0xC0) == 0x80)
        {
            count++;
        }

        return count;
    }

    private void EndLine()
    {
        if (_ellipsisDue)
        {
            Emit(Ellipsis);
        }

        Emit(LineEnd);
        (_lineLength, _dropping, _ellipsisDue) = (0, false, false);
    }

    private void Emit(ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(_output.AsSpan(_outputEnd));
        _outputEnd += bytes.Length;
    }

    public override void Flush()
    {
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _linked?.Dispose();
            _idle?.Dispose();
        }

        base.Dispose(disposing);
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
