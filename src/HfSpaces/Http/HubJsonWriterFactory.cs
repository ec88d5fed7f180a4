using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Serialization;
using Microsoft.Kiota.Serialization.Json;

namespace HfSpaces.Http;

/// <summary>
/// Kiota's JSON serialization-writer factory as the SDK registers it in its adapter (Kiota's extension point for how a
/// body is written): every JSON body a generated builder or <see cref="HubConnection.WithJson"/> sets goes through Kiota's
/// own <c>SetContentFromParsable</c> and gets a <see cref="HubJsonSerializationWriter"/>, which writes the body with
/// <see cref="JsonBodyWriter"/> where it can and with Kiota's <see cref="JsonSerializationWriter"/> otherwise — the same
/// bytes either way.
/// </summary>
internal sealed class HubJsonWriterFactory : ISerializationWriterFactory
{
    public string ValidContentType => "application/json";

    public ISerializationWriter GetSerializationWriter(string contentType) => new HubJsonSerializationWriter();

    /// <summary>Kiota's registry of writers with this one for JSON and Kiota's own for text, forms and multipart (what the generated client registers).</summary>
    public static SerializationWriterFactoryRegistry Registry()
    {
        var registry = new SerializationWriterFactoryRegistry();
        foreach (var factory in new ISerializationWriterFactory[] { new HubJsonWriterFactory(), new Microsoft.Kiota.Serialization.Text.TextSerializationWriterFactory(), new Microsoft.Kiota.Serialization.Form.FormSerializationWriterFactory(), new Microsoft.Kiota.Serialization.Multipart.MultipartSerializationWriterFactory() })
        {
            registry.ContentTypeAssociatedFactories[factory.ValidContentType] = factory;
        }

        return registry;
    }
}

/// <summary>
/// A whole body (the top-level object Kiota hands over) goes to <see cref="JsonBodyWriter"/>; anything it leaves to Kiota,
/// and every other call, goes to Kiota's <see cref="JsonSerializationWriter"/>.
/// </summary>
internal sealed class HubJsonSerializationWriter : ISerializationWriter, IDisposable
{
    private byte[]? _fast;
    private JsonSerializationWriter? _kiota;

    public Action<IParsable>? OnBeforeObjectSerialization { get => Kiota.OnBeforeObjectSerialization; set => Kiota.OnBeforeObjectSerialization = value; }

    public Action<IParsable>? OnAfterObjectSerialization { get => Kiota.OnAfterObjectSerialization; set => Kiota.OnAfterObjectSerialization = value; }

    public Action<IParsable, ISerializationWriter>? OnStartObjectSerialization { get => Kiota.OnStartObjectSerialization; set => Kiota.OnStartObjectSerialization = value; }

    private JsonSerializationWriter Kiota => _kiota ??= new JsonSerializationWriter();

    public void WriteObjectValue<T>(string? key, T? value, params IParsable?[] additionalValuesToMerge)
        where T : IParsable
    {
        // The body itself, with no hooks asked for (Kiota's backing store sets them): the fast writer, when it can.
        if (key is null && _fast is null && _kiota is null && additionalValuesToMerge.Length == 0 && value is not null && JsonBodyWriter.TryWrite(value) is { } json)
        {
            _fast = json;
            return;
        }

        Kiota.WriteObjectValue(key, value, additionalValuesToMerge);
    }

    public Stream GetSerializedContent() => _fast is { } json ? new MemoryStream(json, writable: false) : Kiota.GetSerializedContent();

    public void WriteStringValue(string? key, string? value) => Kiota.WriteStringValue(key, value);

    public void WriteBoolValue(string? key, bool? value) => Kiota.WriteBoolValue(key, value);

    public void WriteByteValue(string? key, byte? value) => Kiota.WriteByteValue(key, value);

    public void WriteSbyteValue(string? key, sbyte? value) => Kiota.WriteSbyteValue(key, value);

    public void WriteIntValue(string? key, int? value) => Kiota.WriteIntValue(key, value);

    public void WriteFloatValue(string? key, float? value) => Kiota.WriteFloatValue(key, value);

    public void WriteLongValue(string? key, long? value) => Kiota.WriteLongValue(key, value);

    public void WriteDoubleValue(string? key, double? value) => Kiota.WriteDoubleValue(key, value);

    public void WriteDecimalValue(string? key, decimal? value) => Kiota.WriteDecimalValue(key, value);

    public void WriteGuidValue(string? key, Guid? value) => Kiota.WriteGuidValue(key, value);

    public void WriteDateTimeOffsetValue(string? key, DateTimeOffset? value) => Kiota.WriteDateTimeOffsetValue(key, value);

    public void WriteTimeSpanValue(string? key, TimeSpan? value) => Kiota.WriteTimeSpanValue(key, value);

    public void WriteDateValue(string? key, Date? value) => Kiota.WriteDateValue(key, value);

    public void WriteTimeValue(string? key, Time? value) => Kiota.WriteTimeValue(key, value);

    public void WriteNullValue(string? key) => Kiota.WriteNullValue(key);

    public void WriteEnumValue<T>(string? key, T? value)
        where T : struct, Enum => Kiota.WriteEnumValue(key, value);

    public void WriteCollectionOfPrimitiveValues<T>(string? key, IEnumerable<T>? values) => Kiota.WriteCollectionOfPrimitiveValues(key, values);

    public void WriteCollectionOfObjectValues<T>(string? key, IEnumerable<T>? values)
        where T : IParsable => Kiota.WriteCollectionOfObjectValues(key, values);

    public void WriteCollectionOfEnumValues<T>(string? key, IEnumerable<T?>? values)
        where T : struct, Enum => Kiota.WriteCollectionOfEnumValues(key, values);

    public void WriteByteArrayValue(string? key, byte[]? value) => Kiota.WriteByteArrayValue(key, value);

    public void WriteAdditionalData(IDictionary<string, object> value) => Kiota.WriteAdditionalData(value);

    public void Dispose() => _kiota?.Dispose();
}
