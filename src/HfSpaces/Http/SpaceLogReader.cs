using System.Buffers;
using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;

namespace HfSpaces.Http;

/// <summary>
/// Reads the Hub's log event stream: <c>data: {"data": "…", "timestamp": "…"}</c> events, framed by
/// <see cref="SseParser"/> over a <see cref="LogLineStream"/> (which bounds each line and dispatches each as it arrives);
/// empty <c>data:</c> events are keep-alives.
/// </summary>
internal static class SpaceLogReader
{
    public static async IAsyncEnumerable<SpaceLogLine> ReadAsync(
        Stream stream, string path, TimeSpan? idleTimeout, TimeProvider timeProvider, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var lines = new LogLineStream(stream, path, idleTimeout, timeProvider);
        await foreach (var item in SseParser.Create(lines, static (_, data) => Parse(data)).EnumerateAsync(cancellationToken).ConfigureAwait(false))
        {
            if (item.Data is { } line)
            {
                yield return line;
            }
        }
    }

    /// <summary>One event's data: a log line, or null for a keep-alive.</summary>
    internal static SpaceLogLine? Parse(ReadOnlySpan<byte> data)
    {
        if (data.Trim(" \t"u8).IsEmpty)
        {
            return null;
        }

        // The Hub's envelope, {"data": "<line>\n", "timestamp": "<iso>"}, read in place; anything else is the line itself.
        return Envelope(data) ?? new SpaceLogLine { Text = Encoding.UTF8.GetString(data), Timestamp = null };
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
