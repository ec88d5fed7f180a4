using System.Globalization;
using System.Text.Json;
using Microsoft.Kiota.Serialization.Json;
using Wire = HfSpaces.Generated.Models;

namespace HfSpaces.Mapping;

/// <summary>Turns Kiota's mutable wire models (and, where Kiota has none, the raw JSON) into the SDK's immutable models.</summary>
internal static class HubModels
{
    public static SpaceRuntime ToRuntime(JsonDocument document)
    {
        var raw = document.RootElement.Clone();
        var wire = new JsonParseNode(raw).GetObjectValue(Wire.SpaceRuntime.CreateFromDiscriminatorValue);
        if (string.IsNullOrEmpty(wire.Stage))
        {
            throw new FormatException("the runtime has no 'stage'");
        }

        return new SpaceRuntime
        {
            Stage = new SpaceStage(wire.Stage),
            Hardware = Hardware(wire.Hardware?.Current),
            RequestedHardware = Hardware(wire.Hardware?.Requested),
            SleepTime = wire.GcTimeout switch
            {
                null => null,
                -1 => Timeout.InfiniteTimeSpan,
                var seconds => TimeSpan.FromSeconds(seconds.Value),
            },
            Storage = string.IsNullOrEmpty(wire.Storage) ? (SpaceStorage?)null : new SpaceStorage(wire.Storage),
            DevMode = wire.DevMode ?? false,
            Replicas = wire.Replicas is null
                ? null
                : new SpaceReplicas(
                    wire.Replicas.Requested?.Integer,
                    wire.Replicas.Current,
                    IsAuto: string.Equals(wire.Replicas.Requested?.String, "auto", StringComparison.OrdinalIgnoreCase)),
            Domains = wire.Domains?.Where(d => d.Domain is not null).Select(d => new SpaceDomain(d.Domain!, d.Stage, d.IsCustom ?? false)).ToArray() ?? [],
            ErrorMessage = wire.ErrorMessage,
            Sha = wire.Sha,
            Sdk = wire.Sdk,
            SdkVersion = wire.SdkVersion,
            Volumes = wire.Volumes?.Select(ToVolume).ToArray(),
            HotReloading = wire.HotReloading is null ? null : ToHotReloading(raw.GetProperty("hotReloading")),
            Raw = raw,
        };
    }

    /// <summary>Kiota types the nested <c>[[replicaId, status]]</c> arrays as untyped nodes, so they are read from the JSON.</summary>
    private static SpaceHotReloading ToHotReloading(JsonElement element)
    {
        var statuses = new List<KeyValuePair<string, string?>>();
        if (element.TryGetProperty("replicaStatuses", out var pairs) && pairs.ValueKind == JsonValueKind.Array)
        {
            foreach (var pair in pairs.EnumerateArray())
            {
                if (pair.ValueKind == JsonValueKind.Array && pair.GetArrayLength() > 0 && pair[0].ValueKind == JsonValueKind.String)
                {
                    var status = pair.GetArrayLength() > 1 && pair[1].ValueKind == JsonValueKind.String ? pair[1].GetString() : null;
                    statuses.Add(new KeyValuePair<string, string?>(pair[0].GetString()!, status));
                }
            }
        }

        return new SpaceHotReloading(OptionalString(element, "status"), statuses);
    }

    public static SpaceVolume ToVolume(Wire.SpaceVolume v) =>
        new(
            // huggingface_hub defaults a missing type to "model".
            new SpaceVolumeType(string.IsNullOrEmpty(v.Type) ? SpaceVolumeType.Values.Model : v.Type),
            v.Source ?? string.Empty,
            v.MountPath ?? string.Empty)
        {
            Revision = v.Revision,
            ReadOnly = v.ReadOnly,
            Path = v.Path,
        };

    public static Wire.SpaceVolume FromVolume(SpaceVolume v) =>
        new()
        {
            Type = v.Type.ToString(),
            Source = v.Source,
            MountPath = v.MountPath,
            Revision = v.Revision,
            ReadOnly = v.ReadOnly,
            Path = v.Path,
        };

    /// <summary>
    /// The secrets map. Kiota models a map as a class holding untyped nodes, so it is read from the JSON directly
    /// (the spec's <c>SpaceSecrets</c> schema: key → {description?, updatedAt?}).
    /// </summary>
    public static IReadOnlyDictionary<string, SpaceSecret> ToSecrets(JsonDocument? document)
    {
        var result = new Dictionary<string, SpaceSecret>(StringComparer.Ordinal);
        foreach (var (key, value) in Entries(document, "secrets"))
        {
            result[key] = new SpaceSecret(key, OptionalString(value, "description"), OptionalDate(value, "updatedAt"));
        }

        return result;
    }

    /// <summary>The variables map (the spec's <c>SpaceVariables</c>: key → {value, description?, updatedAt?}).</summary>
    public static IReadOnlyDictionary<string, SpaceVariable> ToVariables(JsonDocument? document)
    {
        var result = new Dictionary<string, SpaceVariable>(StringComparer.Ordinal);
        foreach (var (key, value) in Entries(document, "variables"))
        {
            var text = OptionalString(value, "value") ?? throw new FormatException($"variable '{key}' has no string 'value'");
            result[key] = new SpaceVariable(key, text, OptionalString(value, "description"), OptionalDate(value, "updatedAt"));
        }

        return result;
    }

    public static SpaceHardwareInfo ToHardwareInfo(Wire.SpaceHardwareInfo h) =>
        new(
            new SpaceHardware(string.IsNullOrEmpty(h.Name) ? throw new FormatException("a hardware entry has no 'name'") : h.Name),
            h.PrettyName,
            h.Cpu,
            h.Ram,
            h.EphemeralStorage,
            h.Accelerator is null ? null : new SpaceHardwareAccelerator(h.Accelerator.Type, h.Accelerator.Model, h.Accelerator.Quantity, h.Accelerator.Vram, h.Accelerator.Manufacturer),
            h.UnitCostMicroUSD,
            h.UnitCostUSD,
            h.UnitLabel);

    public static T Parse<T>(JsonDocument document, Microsoft.Kiota.Abstractions.Serialization.ParsableFactory<T> factory)
        where T : Microsoft.Kiota.Abstractions.Serialization.IParsable =>
        new JsonParseNode(document.RootElement).GetObjectValue(factory);

    public static List<T> ParseList<T>(JsonDocument document, Microsoft.Kiota.Abstractions.Serialization.ParsableFactory<T> factory)
        where T : Microsoft.Kiota.Abstractions.Serialization.IParsable =>
        document.RootElement.ValueKind == JsonValueKind.Array
            ? new JsonParseNode(document.RootElement).GetCollectionOfObjectValues(factory).ToList()
            : throw new FormatException($"expected a JSON array, got {document.RootElement.ValueKind}");

    private static SpaceHardware? Hardware(string? value) => string.IsNullOrEmpty(value) ? (SpaceHardware?)null : new SpaceHardware(value);

    private static IEnumerable<(string Key, JsonElement Value)> Entries(JsonDocument? document, string what)
    {
        if (document is null)
        {
            yield break;
        }

        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException($"the {what} map is a {document.RootElement.ValueKind}, not an object");
        }

        foreach (var property in document.RootElement.EnumerateObject())
        {
            yield return (property.Name, property.Value);
        }
    }

    private static string? OptionalString(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static DateTimeOffset? OptionalDate(JsonElement element, string name) =>
        OptionalString(element, name) is { } text
        && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var date)
            ? date
            : null;
}
