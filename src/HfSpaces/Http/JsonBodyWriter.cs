using System.Buffers;
using System.Text.Json;
using System.Xml;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Helpers;
using Microsoft.Kiota.Abstractions.Serialization;
using Microsoft.Kiota.Serialization.Json;

namespace HfSpaces.Http;

/// <summary>
/// Writes a request body from Kiota's generated model — its own <c>Serialize</c> method decides what is written — into
/// the bytes Kiota's <see cref="JsonSerializationWriter"/> would write, without its costs per body (a pooled stream, a
/// serialization-writer factory lookup, a serializer call per value: ≈ 3 µs for a two-field body). Strings, booleans and
/// integers go straight to <see cref="Utf8JsonWriter"/>; other scalars through the same <see cref="JsonSerializer"/> call
/// and context as Kiota's; what the Hub's bodies never hold (untyped nodes, dictionaries, byte arrays, arbitrary objects
/// in additional data) is refused with <see cref="NotSupportedException"/>, and the caller falls back to Kiota's writer.
/// Checked byte for byte against Kiota's writer by a test.
/// </summary>
internal sealed class JsonBodyWriter : ISerializationWriter
{
    private static readonly KiotaJsonSerializationContext Context = KiotaJsonSerializationContext.Default;

    [ThreadStatic]
    private static JsonBodyWriter? _cached;

    private readonly ArrayBufferWriter<byte> _buffer = new(256);
    private readonly Utf8JsonWriter _json;

    private JsonBodyWriter() => _json = new Utf8JsonWriter(_buffer, new JsonWriterOptions { Encoder = Context.Options.Encoder, Indented = Context.Options.WriteIndented });

    public Action<IParsable>? OnBeforeObjectSerialization { get; set; }

    public Action<IParsable>? OnAfterObjectSerialization { get; set; }

    public Action<IParsable, ISerializationWriter>? OnStartObjectSerialization { get; set; }

    /// <summary>The JSON of <paramref name="body"/>, or null when it holds something this writer leaves to Kiota's.</summary>
    public static byte[]? TryWrite(IParsable body)
    {
        var writer = _cached ?? new JsonBodyWriter();
        _cached = null; // a body whose Serialize writes another body on this thread gets its own writer
        try
        {
            writer.WriteObjectValue(null, body);
            writer._json.Flush();
            return writer._buffer.WrittenSpan.ToArray();
        }
        catch (NotSupportedException)
        {
            return null;
        }
        finally
        {
            writer._json.Reset();
            writer._buffer.Clear(); // zeroes what was written: a secret's value does not stay behind in the reused buffer
            writer.OnBeforeObjectSerialization = writer.OnAfterObjectSerialization = null;
            writer.OnStartObjectSerialization = null;
            if (writer._buffer.Capacity <= 16 * 1024)
            {
                _cached = writer;
            }
        }
    }

    public Stream GetSerializedContent() => throw new NotSupportedException("use JsonBodyWriter.TryWrite");

    public void WriteStringValue(string? key, string? value)
    {
        if (value is not null)
        {
            Key(key);
            _json.WriteStringValue(value);
        }
    }

    public void WriteBoolValue(string? key, bool? value)
    {
        if (value is { } v)
        {
            Key(key);
            _json.WriteBooleanValue(v);
        }
    }

    public void WriteIntValue(string? key, int? value)
    {
        if (value is { } v)
        {
            Key(key);
            _json.WriteNumberValue(v);
        }
    }

    public void WriteLongValue(string? key, long? value)
    {
        if (value is { } v)
        {
            Key(key);
            _json.WriteNumberValue(v);
        }
    }

    public void WriteByteValue(string? key, byte? value) => Scalar(key, value);

    public void WriteSbyteValue(string? key, sbyte? value) => Scalar(key, value);

    public void WriteFloatValue(string? key, float? value) => Scalar(key, value);

    public void WriteDoubleValue(string? key, double? value) => Scalar(key, value);

    public void WriteDecimalValue(string? key, decimal? value) => Scalar(key, value);

    public void WriteGuidValue(string? key, Guid? value) => Scalar(key, value);

    public void WriteDateTimeOffsetValue(string? key, DateTimeOffset? value) => Scalar(key, value);

    public void WriteTimeSpanValue(string? key, TimeSpan? value)
    {
        if (value is { } v)
        {
            WriteStringValue(key, XmlConvert.ToString(v));
        }
    }

    public void WriteDateValue(string? key, Date? value) => WriteStringValue(key, value?.ToString());

    public void WriteTimeValue(string? key, Time? value) => WriteStringValue(key, value?.ToString());

    public void WriteNullValue(string? key)
    {
        Key(key);
        _json.WriteNullValue();
    }

    public void WriteEnumValue<T>(string? key, T? value)
        where T : struct, Enum
    {
        if (value is not { } v)
        {
            return;
        }

        Key(key);
        if (typeof(T).IsDefined(typeof(FlagsAttribute), inherit: false))
        {
            throw new NotSupportedException("flag enums are left to Kiota's writer");
        }

        WriteStringValue(null, EnumHelpers.GetEnumStringValue(v));
    }

    public void WriteCollectionOfPrimitiveValues<T>(string? key, IEnumerable<T>? values)
    {
        if (values is null)
        {
            return;
        }

        Key(key);
        _json.WriteStartArray();
        foreach (var value in values)
        {
            Any(null, value);
        }

        _json.WriteEndArray();
    }

    public void WriteCollectionOfObjectValues<T>(string? key, IEnumerable<T>? values)
        where T : IParsable
    {
        if (values is null)
        {
            return;
        }

        Key(key);
        _json.WriteStartArray();
        foreach (var value in values)
        {
            WriteObjectValue(null, value);
        }

        _json.WriteEndArray();
    }

    public void WriteCollectionOfEnumValues<T>(string? key, IEnumerable<T?>? values)
        where T : struct, Enum => throw new NotSupportedException("enum collections are left to Kiota's writer");

    public void WriteByteArrayValue(string? key, byte[]? value) => throw new NotSupportedException("byte arrays are left to Kiota's writer");

    public void WriteObjectValue<T>(string? key, T? value, params IParsable?[] additionalValuesToMerge)
        where T : IParsable
    {
        var merged = additionalValuesToMerge.Length == 0 ? additionalValuesToMerge : Array.FindAll(additionalValuesToMerge, static v => v is not null);
        if (value is null && merged.Length == 0)
        {
            return;
        }

        if (value is UntypedNode)
        {
            throw new NotSupportedException("untyped nodes are left to Kiota's writer");
        }

        Key(key);
        if (value is not null)
        {
            OnBeforeObjectSerialization?.Invoke(value);
        }

        var composed = value is IComposedTypeWrapper;
        if (!composed)
        {
            _json.WriteStartObject();
        }

        if (value is not null)
        {
            OnStartObjectSerialization?.Invoke(value, this);
            value.Serialize(this);
        }

        foreach (var other in merged)
        {
            OnBeforeObjectSerialization?.Invoke(other!);
            OnStartObjectSerialization?.Invoke(other!, this);
            other!.Serialize(this);
            OnAfterObjectSerialization?.Invoke(other!);
        }

        if (!composed)
        {
            _json.WriteEndObject();
        }

        if (value is not null)
        {
            OnAfterObjectSerialization?.Invoke(value);
        }
    }

    public void WriteAdditionalData(IDictionary<string, object> value)
    {
        if (value is null)
        {
            return;
        }

        foreach (var (name, item) in value)
        {
            Any(name, item);
        }
    }

    public void Dispose()
    {
        // The writer is reused on its thread (see TryWrite); nothing to release per body.
    }

    private void Key(string? key)
    {
        if (!string.IsNullOrEmpty(key))
        {
            _json.WritePropertyName(key);
        }
    }

    /// <summary>A scalar written exactly as Kiota's writer writes it: the serializer with Kiota's context.</summary>
    private void Scalar<T>(string? key, T? value)
        where T : struct
    {
        if (value is { } v)
        {
            Key(key);
            JsonSerializer.Serialize(_json, v, typeof(T), Context);
        }
    }

    /// <summary>A value of additional data or of a primitive collection; the kinds Kiota's writer would reflect over are refused.</summary>
    private void Any(string? key, object? value)
    {
        switch (value)
        {
            case string s: WriteStringValue(key, s); break;
            case bool b: WriteBoolValue(key, b); break;
            case int i: WriteIntValue(key, i); break;
            case long l: WriteLongValue(key, l); break;
            case byte b: WriteByteValue(key, b); break;
            case sbyte b: WriteSbyteValue(key, b); break;
            case float f: WriteFloatValue(key, f); break;
            case double d: WriteDoubleValue(key, d); break;
            case decimal d: WriteDecimalValue(key, d); break;
            case Guid g: WriteGuidValue(key, g); break;
            case DateTimeOffset d: WriteDateTimeOffsetValue(key, d); break;
            case TimeSpan t: WriteTimeSpanValue(key, t); break;
            case Date d: WriteDateValue(key, d); break;
            case Time t: WriteTimeValue(key, t); break;
            case DateTime d: WriteDateTimeOffsetValue(key, new DateTimeOffset(d)); break;
            case null: WriteNullValue(key); break;
            case UntypedNode: throw new NotSupportedException("untyped nodes are left to Kiota's writer");
            case IParsable parsable: WriteObjectValue(key, parsable); break;
            default: throw new NotSupportedException($"{value.GetType().Name} values are left to Kiota's writer");
        }
    }
}
