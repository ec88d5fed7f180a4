using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using HfSpaces.Emulator.Generated;

namespace HfSpaces.Emulator.Hosting;

/// <summary>
/// The Hub's JSON, as its recordings show it (docs/hub-wire.md "Runtime", "Lifecycle") rather than as NSwag's DTOs would write it: dates
/// in UTC with milliseconds and <c>Z</c> (<c>2025-03-07T12:24:18.657Z</c>, the only form huggingface_hub parses); keys the
/// Hub omits are omitted, not <c>null</c>; in a runtime, the keys the Hub writes as <c>null</c> are written as <c>null</c>;
/// <c>replicas.requested</c> and <c>gated</c> may be strings, which the DTOs (an <c>int</c>, a <c>bool</c>) cannot hold.
/// </summary>
internal static class HubJson
{
    /// <summary>Serializer options with the Hub's conventions, for JSON the emulator builds itself.</summary>
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        Configure(options);
        options.MakeReadOnly();
        return options;
    }

    /// <summary>Applies the Hub's conventions to the emulator's serializer.</summary>
    public static void Configure(JsonSerializerOptions options)
    {
        options.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        options.TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { KeepHubNulls } };

        // Node's JSON.stringify, as the Hub writes: "can't", not "can\u0027t".
        options.Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
        options.Converters.Add(new HubDateConverter());
        options.Converters.Add(new RuntimeConverter());
        options.Converters.Add(new ReplicasRequestConverter());
        options.Converters.Add(new SettingsRequestConverter());
    }

    /// <summary>The keys the Hub writes as <c>null</c> rather than leaving out (every other null key is left out).</summary>
    private static readonly (Type Type, string Key)[] HubNulls =
    [
        (typeof(SpaceHardwareInfo), "accelerator"),
        (typeof(ZeroGpuQuota), "resetsAt"),
    ];

    private static void KeepHubNulls(JsonTypeInfo type)
    {
        foreach (var property in type.Properties)
        {
            if (Array.IndexOf(HubNulls, (type.Type, property.Name)) >= 0)
            {
                property.ShouldSerialize = static (_, _) => true;
            }
        }
    }

    /// <summary><c>2025-03-07T12:24:18.657Z</c>.</summary>
    public static string Date(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private sealed class HubDateConverter : JsonConverter<DateTimeOffset>
    {
        public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            DateTimeOffset.Parse(reader.GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

        public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
            writer.WriteStringValue(Date(value));
    }

    /// <summary>
    /// Order and presence as recorded: <c>stage, hardware{current, requested}, storage, gcTimeout, replicas, devMode, domains</c>;
    /// <c>hardware.*</c> and <c>storage</c> are written even when null; a static Space has no <c>gcTimeout</c> and no
    /// <c>devMode</c>; <c>replicas.current</c> appears once replicas run.
    /// </summary>
    private sealed class RuntimeConverter : JsonConverter<SpaceRuntime>
    {
        public override SpaceRuntime Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            throw new NotSupportedException("The emulator only writes runtimes.");

        public override void Write(Utf8JsonWriter writer, SpaceRuntime value, JsonSerializerOptions options)
        {
            writer.WriteStartObject();
            writer.WriteString("stage", value.Stage);
            writer.WriteStartObject("hardware");
            WriteNullable(writer, "current", value.Hardware?.Current);
            WriteNullable(writer, "requested", value.Hardware?.Requested);
            writer.WriteEndObject();
            WriteNullable(writer, "storage", value.Storage);
            if (!value.IsStatic)
            {
                writer.WritePropertyName("gcTimeout");
                if (value.GcTimeout is { } seconds)
                {
                    writer.WriteNumberValue(seconds);
                }
                else
                {
                    writer.WriteNullValue();
                }
            }

            if (value.Replicas is { } replicas)
            {
                writer.WriteStartObject("replicas");
                if (replicas.Auto)
                {
                    writer.WriteString("requested", "auto");
                }
                else
                {
                    writer.WriteNumber("requested", replicas.Requested ?? 1);
                }

                if (replicas.Current is { } current)
                {
                    writer.WriteNumber("current", current);
                }

                writer.WriteEndObject();
            }

            if (!value.IsStatic)
            {
                writer.WriteBoolean("devMode", value.DevMode ?? false);
            }

            if (value.Domains is { } domains)
            {
                writer.WritePropertyName("domains");
                JsonSerializer.Serialize(writer, domains, options);
            }

            if (value.ErrorMessage is { } error)
            {
                writer.WriteString("errorMessage", error);
            }

            if (value.Volumes is { } volumes)
            {
                writer.WritePropertyName("volumes");
                JsonSerializer.Serialize(writer, volumes, options);
            }

            if (value.HotReloading is { } reload)
            {
                writer.WritePropertyName("hotReloading");
                JsonSerializer.Serialize(writer, reload, options);
            }

            writer.WriteEndObject();
        }

        private static void WriteNullable(Utf8JsonWriter writer, string name, string? value)
        {
            if (value is null)
            {
                writer.WriteNull(name);
            }
            else
            {
                writer.WriteString(name, value);
            }
        }
    }

    /// <summary><c>{"replicas": 2}</c> or <c>{"replicas": "auto"}</c>.</summary>
    private sealed class ReplicasRequestConverter : JsonConverter<ReplicasRequest>
    {
        public override ReplicasRequest Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            using var document = JsonDocument.ParseValue(ref reader);
            var request = new ReplicasRequest();
            if (document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("replicas", out var replicas))
            {
                request.Value = replicas.ValueKind switch
                {
                    JsonValueKind.Number when replicas.TryGetInt32(out var count) => count.ToString(CultureInfo.InvariantCulture),
                    JsonValueKind.String => replicas.GetString(),
                    _ => replicas.GetRawText(),
                };
            }

            return request;
        }

        public override void Write(Utf8JsonWriter writer, ReplicasRequest value, JsonSerializerOptions options) =>
            throw new NotSupportedException("The emulator only reads replica requests.");
    }

    /// <summary><c>gated</c> is <c>false</c>, <c>"auto"</c> or <c>"manual"</c>; <c>visibility</c> a string.</summary>
    private sealed class SettingsRequestConverter : JsonConverter<SpaceSettingsRequest>
    {
        public override SpaceSettingsRequest Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            using var document = JsonDocument.ParseValue(ref reader);
            var request = new SpaceSettingsRequest();
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return request;
            }

            if (root.TryGetProperty("gated", out var gated))
            {
                request.GatedValue = gated.ValueKind switch
                {
                    JsonValueKind.False => "false",
                    JsonValueKind.String => gated.GetString(),
                    _ => gated.GetRawText(),
                };
            }

            if (root.TryGetProperty("visibility", out var visibility))
            {
                request.Visibility = visibility.ValueKind == JsonValueKind.String ? visibility.GetString() : visibility.GetRawText();
            }

            return request;
        }

        public override void Write(Utf8JsonWriter writer, SpaceSettingsRequest value, JsonSerializerOptions options) =>
            throw new NotSupportedException("The emulator only reads settings requests.");
    }
}
