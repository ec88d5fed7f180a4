using System.Buffers;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;

namespace HfSpaces.Http;

/// <summary>Reads the Hub's log event stream: <c>data: {"data": "…", "timestamp": "…"}</c> per line; empty <c>data:</c> lines are keep-alives.</summary>
internal static class SpaceLogReader
{
    /// <summary>A longer line is cut here (and marked with "…"): a stream without newlines cannot grow memory without bound.</summary>
    internal const int MaxLineChars = 64 * 1024;

    public static async IAsyncEnumerable<SpaceLogLine> ReadAsync(
        Stream stream, string path, TimeSpan? idleTimeout, TimeProvider timeProvider, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // The idle timer runs on the client's clock, so tests can drive it with a fake TimeProvider.
        using var idle = new CancellationTokenSource(Timeout.InfiniteTimeSpan, timeProvider);
        using var read = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, idle.Token);
        var decoder = Encoding.UTF8.GetDecoder();
        var bytes = new byte[8192];
        var chars = new char[Encoding.UTF8.GetMaxCharCount(bytes.Length)];
        var splitter = new LineSplitter();
        while (true)
        {
            if (idleTimeout is { } timeout)
            {
                idle.CancelAfter(timeout);
            }

            var count = await ReadChunkAsync(stream, bytes, path, idle, read.Token, cancellationToken).ConfigureAwait(false);
            if (count <= 0)
            {
                // End of stream, or (-1) the Hub was silent for the idle timeout: a non-follow read is complete.
                if (count == 0 && splitter.Flush() is { } last && Parse(last) is { } final)
                {
                    yield return final;
                }

                yield break;
            }

            var decoded = decoder.GetChars(bytes, 0, count, chars, 0);
            foreach (var line in splitter.Push(chars.AsSpan(0, decoded)))
            {
                if (Parse(line) is { } entry)
                {
                    yield return entry;
                }
            }
        }
    }

    /// <summary>Reads once; a broken stream becomes an <see cref="HfSpacesException"/>, silence past the idle timeout -1.</summary>
    private static async Task<int> ReadChunkAsync(Stream stream, byte[] buffer, string path, CancellationTokenSource idle, CancellationToken read, CancellationToken caller)
    {
        try
        {
            return await stream.ReadAsync(buffer, read).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (idle.IsCancellationRequested && !caller.IsCancellationRequested)
        {
            return -1;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // IOException, HttpIOException, a decompressor's InvalidDataException or InvalidOperationException: all "broke".
            throw HubErrors.StreamBroke("GET", path, "the log stream broke", e);
        }
    }

    /// <summary>Splits text into lines at \n, \r\n or \r (all three end a line in an event stream), each at most <see cref="MaxLineChars"/>.</summary>
    private sealed class LineSplitter
    {
        private readonly StringBuilder _line = new();
        private readonly List<string> _lines = [];
        private bool _cut;
        private bool _afterCr;

        /// <summary>The lines the text completes (a list reused by the next call: read it before pushing again).</summary>
        public List<string> Push(ReadOnlySpan<char> text)
        {
            _lines.Clear();
            if (_afterCr && !text.IsEmpty && text[0] == '\n')
            {
                text = text[1..];
            }

            _afterCr = false;
            while (!text.IsEmpty)
            {
                var end = text.IndexOfAny('\r', '\n');
                if (end < 0)
                {
                    Append(text);
                    break;
                }

                Append(text[..end]);
                _lines.Add(Take());
                if (text[end] == '\r')
                {
                    if (end + 1 == text.Length)
                    {
                        _afterCr = true; // a \n may open the next chunk
                    }
                    else if (text[end + 1] == '\n')
                    {
                        end++;
                    }
                }

                text = text[(end + 1)..];
            }

            return _lines;
        }

        public string? Flush() => _line.Length > 0 || _cut ? Take() : null;

        private void Append(ReadOnlySpan<char> part)
        {
            var room = MaxLineChars - _line.Length;
            if (part.Length > room)
            {
                _cut = true;
                part = part[..room];
            }

            _line.Append(part);
        }

        private string Take()
        {
            var line = _cut ? _line.Append('…').ToString() : _line.ToString();
            _line.Clear();
            _cut = false;
            return line;
        }
    }

    /// <summary>One line of the stream: a log line, or null for comments, keep-alives and other fields.</summary>
    internal static SpaceLogLine? Parse(string line)
    {
        if (!line.StartsWith("data:", StringComparison.Ordinal))
        {
            return null;
        }

        var data = line.AsSpan(5);
        if (data.StartsWith(" "))
        {
            data = data[1..];
        }

        if (data.IsWhiteSpace())
        {
            return null;
        }

        // The Hub's envelope, {"data": "<line>\n", "timestamp": "<iso>"}, read in place; anything else is the line itself.
        var size = Encoding.UTF8.GetMaxByteCount(data.Length);
        var rented = size > 2048 ? ArrayPool<byte>.Shared.Rent(size) : null;
        try
        {
            var utf8 = rented is null ? stackalloc byte[2048] : rented;
            var length = Encoding.UTF8.GetBytes(data, utf8);
            if (Envelope(utf8[..length]) is { } entry)
            {
                return entry;
            }
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }

        return new SpaceLogLine { Text = data.ToString(), Timestamp = null };
    }

    /// <summary>The envelope's line and time, or null when the JSON is not an object with a string <c>data</c> (or not JSON).</summary>
    private static SpaceLogLine? Envelope(ReadOnlySpan<byte> json)
    {
        try
        {
            var reader = new Utf8JsonReader(json);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return null;
            }

            string? message = null;
            DateTimeOffset? timestamp = null;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("data"u8))
                {
                    reader.Read();
                    message = reader.TokenType == JsonTokenType.String ? Message(ref reader) : null;
                    reader.Skip();
                }
                else if (reader.ValueTextEquals("timestamp"u8))
                {
                    reader.Read();
                    timestamp = reader.TokenType == JsonTokenType.String ? Timestamp(ref reader) : null;
                    reader.Skip();
                }
                else
                {
                    reader.Read();
                    reader.Skip();
                }
            }

            // The object must be the whole of the data: anything after it makes the data plain text.
            return reader.TokenType == JsonTokenType.EndObject && !reader.Read() && message is not null ? new SpaceLogLine { Text = message, Timestamp = timestamp } : null;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            return null;
        }
    }

    /// <summary>The string without its trailing line break; a string that cannot be decoded, as its raw bytes (invalid UTF-8 becomes U+FFFD).</summary>
    private static string Message(ref Utf8JsonReader reader)
    {
        var escaped = reader.HasValueSequence ? checked((int)reader.ValueSequence.Length) : reader.ValueSpan.Length;
        var rented = escaped > 1024 ? ArrayPool<char>.Shared.Rent(escaped) : null;
        try
        {
            var chars = rented is null ? stackalloc char[1024] : rented;
            try
            {
                var length = reader.CopyString(chars);
                return new string(chars[..length].TrimEnd("\r\n"));
            }
            catch (InvalidOperationException)
            {
                return Encoding.UTF8.GetString(reader.ValueSpan).TrimEnd('\r', '\n');
            }
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<char>.Shared.Return(rented);
            }
        }
    }

    /// <summary>The event's time: the Hub's UTC ISO-8601 form read directly, any other through <see cref="JsonText.OtherDate"/>.</summary>
    private static DateTimeOffset? Timestamp(ref Utf8JsonReader reader)
    {
        if (reader.TryGetDateTimeOffset(out var iso) && iso.Offset == TimeSpan.Zero)
        {
            return iso;
        }

        return JsonText.OtherDate(reader.GetString());
    }
}
