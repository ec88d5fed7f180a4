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
            var details = new HfSpacesErrorDetails("GET", path, null, null, null, null);
            throw new HfSpacesException($"GET {path} failed: the log stream broke ({HubErrors.Sanitize(e.Message).TrimEnd('.')}).", details, e) { Failure = HubFailure.Transport };
        }
    }

    /// <summary>Splits text into lines at \n, \r\n or \r (all three end a line in an event stream), each at most <see cref="MaxLineChars"/>.</summary>
    private sealed class LineSplitter
    {
        private readonly StringBuilder _line = new();
        private bool _cut;
        private bool _afterCr;

        public List<string> Push(ReadOnlySpan<char> text)
        {
            var lines = new List<string>();
            foreach (var c in text)
            {
                if (_afterCr && c == '\n')
                {
                    _afterCr = false;
                    continue;
                }

                _afterCr = c == '\r';
                if (c is '\n' or '\r')
                {
                    lines.Add(Take());
                }
                else if (_line.Length < MaxLineChars)
                {
                    _line.Append(c);
                }
                else
                {
                    _cut = true;
                }
            }

            return lines;
        }

        public string? Flush() => _line.Length > 0 ? Take() : null;

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

        var text = data.ToString();
        try
        {
            using var json = JsonDocument.Parse(text);
            var root = json.RootElement;
            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("data", out var message) && message.ValueKind == JsonValueKind.String)
            {
                DateTimeOffset? timestamp = root.TryGetProperty("timestamp", out var ts)
                    && ts.ValueKind == JsonValueKind.String
                    && DateTimeOffset.TryParse(ts.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed)
                        ? parsed
                        : null;
                return new SpaceLogLine(JsonText.Of(message).TrimEnd('\r', '\n'), timestamp);
            }
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            // Not the Hub's JSON envelope: the data itself is the line.
        }

        return new SpaceLogLine(text, null);
    }
}
