using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;

namespace HfSpaces.Http;

/// <summary>Reads the Hub's log event stream: <c>data: {"data": "…", "timestamp": "…"}</c> per line; empty <c>data:</c> lines are keep-alives.</summary>
internal static class SpaceLogReader
{
    public static async IAsyncEnumerable<SpaceLogLine> ReadAsync(
        Stream stream, TimeSpan? idleTimeout, TimeProvider timeProvider, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(stream, Encoding.UTF8);
        // The idle timer runs on the client's clock, so tests can drive it with a fake TimeProvider.
        using var idle = new CancellationTokenSource(Timeout.InfiniteTimeSpan, timeProvider);
        using var read = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, idle.Token);
        while (true)
        {
            string? line;
            if (idleTimeout is { } timeout)
            {
                idle.CancelAfter(timeout);
            }

            try
            {
                line = await reader.ReadLineAsync(read.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (idle.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                // The Hub was silent for the idle timeout: a non-follow read is complete.
                yield break;
            }

            if (line is null)
            {
                yield break;
            }

            if (Parse(line) is { } entry)
            {
                yield return entry;
            }
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
                return new SpaceLogLine(message.GetString()!.TrimEnd('\r', '\n'), timestamp);
            }
        }
        catch (JsonException)
        {
            // Not the Hub's JSON envelope: the data itself is the line.
        }

        return new SpaceLogLine(text, null);
    }
}
