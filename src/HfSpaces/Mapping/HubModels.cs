using System.Globalization;
using System.Text.Json;
using HfSpaces.Http;
using Microsoft.Kiota.Serialization.Json;
using Wire = HfSpaces.Generated.Models;

namespace HfSpaces.Mapping;

/// <summary>Turns Kiota's mutable wire models (and, where Kiota has none, the raw JSON) into the SDK's immutable models.</summary>
internal static class HubModels
{
    public static SpaceRuntime ToRuntime(JsonDocument document) => ToRuntime(document.RootElement.Clone());

    /// <summary>
    /// A runtime object; <paramref name="raw"/> must outlive the document it came from (a clone). Read straight from the
    /// JSON — the runtime is the most frequent answer (every poll of a wait, every Space of a fleet), and Kiota's model
    /// costs ≈ 5 KB per read in field-deserializer dictionaries and parse nodes. It reads exactly what Kiota's generated
    /// <c>SpaceRuntime</c> would (same fields, same types, null for a wrong kind): <c>RuntimeReaderTests</c> checks the
    /// two against each other on recorded and fuzzed bodies.
    /// </summary>
    public static SpaceRuntime ToRuntime(JsonElement raw)
    {
        if (raw.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException($"the runtime is a {raw.ValueKind}, not an object");
        }

        var stage = Text(raw, "stage");
        if (string.IsNullOrEmpty(stage))
        {
            throw new FormatException("the runtime has no 'stage'");
        }

        var hardware = Member(raw, "hardware");
        var replicas = Member(raw, "replicas");
        var requested = replicas is { } r ? Member(r, "requested") : null;
        var hotReloading = Member(raw, "hotReloading");
        return new SpaceRuntime
        {
            Stage = new SpaceStage(stage),
            Hardware = Hardware(hardware is { } h ? Text(h, "current") : null),
            RequestedHardware = Hardware(hardware is { } h2 ? Text(h2, "requested") : null),
            SleepTime = Int(raw, "gcTimeout") switch
            {
                null => null,
                -1 => Timeout.InfiniteTimeSpan,
                var seconds => TimeSpan.FromSeconds(seconds.Value),
            },
            Storage = Text(raw, "storage") is { Length: > 0 } storage ? new SpaceStorage(storage) : (SpaceStorage?)null,
            DevMode = Bool(raw, "devMode") ?? false,
            Replicas = replicas is { } replicasValue
                ? new SpaceReplicas { Requested = requested is { ValueKind: JsonValueKind.Number } ? IntValue(requested.Value, "replicas.requested") : null, Current = Int(replicasValue, "current"), IsAuto = requested is { ValueKind: JsonValueKind.String } && string.Equals(requested.Value.GetString(), "auto", StringComparison.OrdinalIgnoreCase) }
                : null,
            Domains = Member(raw, "domains") is { ValueKind: JsonValueKind.Array } domains ? ToDomains(domains) : [],
            ErrorMessage = Text(raw, "errorMessage"),
            Sha = Text(raw, "sha"),
            Sdk = Text(raw, "sdk"),
            SdkVersion = Text(raw, "sdkVersion"),
            Volumes = Member(raw, "volumes") is { } volumes ? ToVolumes(volumes) : null,
            HotReloading = hotReloading is { } hot ? ToHotReloading(hot) : null,
            Raw = raw,
        };
    }

    private static SpaceDomain[] ToDomains(JsonElement domains)
    {
        var result = new SpaceDomain[domains.GetArrayLength()];
        var count = 0;
        foreach (var domain in domains.EnumerateArray())
        {
            if (Text(domain, "domain") is { } name)
            {
                result[count++] = new SpaceDomain { Domain = name, Stage = Text(domain, "stage"), IsCustom = Bool(domain, "isCustom") ?? false };
            }
        }

        return count == result.Length ? result : result[..count];
    }

    /// <summary>The volumes; present but not an array reads as none (as Kiota reads it).</summary>
    private static SpaceVolume[] ToVolumes(JsonElement volumes)
    {
        if (volumes.ValueKind != JsonValueKind.Array)
        {
            return [];
        }

        var result = new SpaceVolume[volumes.GetArrayLength()];
        var i = 0;
        foreach (var v in volumes.EnumerateArray())
        {
            // huggingface_hub defaults a missing type to "model".
            result[i++] = new SpaceVolume(
                new SpaceVolumeType(Text(v, "type") is { Length: > 0 } type ? type : SpaceVolumeType.Values.Model),
                Text(v, "source") ?? string.Empty,
                Text(v, "mountPath") ?? string.Empty)
            {
                Revision = Text(v, "revision"),
                ReadOnly = Bool(v, "readOnly"),
                Path = Text(v, "path"),
            };
        }

        return result;
    }

    /// <summary>A member that is present and not JSON null (Kiota skips nulls), or null; nothing for a non-object.</summary>
    private static JsonElement? Member(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;

    /// <summary>A string member, or null when absent or not a string (as Kiota's <c>GetStringValue</c>).</summary>
    private static string? Text(JsonElement element, string name) =>
        Member(element, name) is { ValueKind: JsonValueKind.String } value ? value.GetString() : null;

    /// <summary>A boolean member, or null when absent or not a boolean.</summary>
    private static bool? Bool(JsonElement element, string name) =>
        Member(element, name) is { ValueKind: JsonValueKind.True or JsonValueKind.False } value ? value.GetBoolean() : null;

    /// <summary>A whole-number member, null when absent or not a number; a number that is not a 32-bit integer is an error.</summary>
    private static int? Int(JsonElement element, string name) =>
        Member(element, name) is { ValueKind: JsonValueKind.Number } value ? IntValue(value, name) : null;

    private static int IntValue(JsonElement value, string name) =>
        value.TryGetInt32(out var number) ? number : throw new FormatException($"'{name}' is {value.GetRawText()}, not a whole number");

    /// <summary>Kiota types the nested <c>[[replicaId, status]]</c> arrays as untyped nodes, so they are read from the JSON.</summary>
    private static SpaceHotReloading ToHotReloading(JsonElement element)
    {
        var statuses = new List<KeyValuePair<string, string?>>();
        if (Member(element, "replicaStatuses") is { ValueKind: JsonValueKind.Array } pairs)
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

        return new SpaceHotReloading { Status = Text(element, "status"), ReplicaStatuses = statuses };
    }

    /// <summary>One Space of an info answer or a listing; <paramref name="raw"/> must outlive its document (a clone).</summary>
    public static SpaceInfo ToSpaceInfo(JsonElement raw)
    {
        if (raw.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException($"a Space is a {raw.ValueKind}, not an object");
        }

        var wire = new JsonParseNode(raw).GetObjectValue(Wire.SpaceInfo.CreateFromDiscriminatorValue);
        if (!SpaceId.TryParse(wire.Id, out var id, out var error))
        {
            throw new FormatException($"a Space's 'id' is not namespace/name ({error})");
        }

        return new SpaceInfo
        {
            Id = id,
            Author = wire.Author,
            Sha = wire.Sha,
            CreatedAt = wire.CreatedAt,
            LastModified = wire.LastModified,
            Private = wire.Private,
            Gated = wire.Gated switch
            {
                null => null,
                { Boolean: false } => SpaceGating.Off,
                { String: "auto" } => SpaceGating.Auto,
                { String: "manual" } => SpaceGating.Manual,
                _ => null,
            },
            Disabled = wire.Disabled,
            Subdomain = wire.Subdomain,
            Likes = wire.Likes,
            Sdk = string.IsNullOrEmpty(wire.Sdk) ? (SpaceSdk?)null : new SpaceSdk(wire.Sdk),
            Tags = wire.Tags,
            TrendingScore = wire.TrendingScore,
            UsedStorage = wire.UsedStorage,
            Runtime = raw.TryGetProperty("runtime", out var runtime) && runtime.ValueKind == JsonValueKind.Object ? ToRuntime(runtime) : null,
            Raw = raw,
        };
    }

    /// <summary>A page of <c>GET /api/spaces</c>: a JSON array of Spaces.</summary>
    public static IReadOnlyList<SpaceInfo> ToSpaceInfos(JsonDocument document)
    {
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Array)
        {
            throw new FormatException($"expected a JSON array of Spaces, got {root.ValueKind}");
        }

        // One clone for the page: every item's Raw points into it.
        root = root.Clone();
        var spaces = new SpaceInfo[root.GetArrayLength()];
        var i = 0;
        foreach (var item in root.EnumerateArray())
        {
            spaces[i++] = ToSpaceInfo(item);
        }

        return spaces;
    }

    public static IReadOnlyList<SpaceTemplate> ToTemplates(JsonDocument document) =>
        Parse(document, Wire.SpaceTemplates.CreateFromDiscriminatorValue).Templates?.Select(t => new SpaceTemplate { Name = string.IsNullOrEmpty(t.Name) ? throw new FormatException("a template has no 'name'") : t.Name, RepoId = string.IsNullOrEmpty(t.RepoId) ? throw new FormatException($"template '{t.Name}' has no 'repoId'") : t.RepoId, Sdk = string.IsNullOrEmpty(t.Sdk) ? (SpaceSdk?)null : new SpaceSdk(t.Sdk), PreferredPrivate = t.PreferredPrivate ?? false }).ToArray()
        ?? throw new FormatException("the answer has no 'templates' array");

    public static ZeroGpuQuota ToQuota(JsonDocument document)
    {
        var wire = Parse(document, Wire.ZeroGpuQuota.CreateFromDiscriminatorValue);
        return new ZeroGpuQuota { Base = Seconds(wire.Base ?? throw new FormatException("the quota has no 'base'"), "base"), Remaining = Seconds(wire.Current ?? throw new FormatException("the quota has no 'current'"), "current"), ResetsAt = wire.ResetsAt, OverQuotaUsed = wire.OverquotaUsed is { } over ? Seconds(over, "overquotaUsed") : null };

        static TimeSpan Seconds(double value, string name) =>
            value is >= 0 and < 1e12 ? TimeSpan.FromSeconds(value) : throw new FormatException($"the quota's '{name}' is not a number of seconds ({value})");
    }

    /// <summary>Secrets for a create or duplicate body; null (key omitted) when none.</summary>
    public static List<Wire.SpaceSecretItem>? FromSecrets(IReadOnlyList<SpaceSecretValue>? secrets) =>
        secrets?.Select(x => new Wire.SpaceSecretItem { Key = x.Key, Value = x.Value, Description = x.Description }).ToList();

    /// <summary>Variables for a create or duplicate body; null (key omitted) when none.</summary>
    public static List<Wire.SpaceVariableItem>? FromVariables(IReadOnlyList<SpaceVariableValue>? variables) =>
        variables?.Select(v => new Wire.SpaceVariableItem { Key = v.Key, Value = v.Value, Description = v.Description }).ToList();

    /// <summary>Volumes for a create or duplicate body; omitted when empty, as huggingface_hub does.</summary>
    public static List<Wire.SpaceVolume>? FromVolumes(IReadOnlyList<SpaceVolume>? volumes) =>
        volumes is { Count: > 0 } ? volumes.Select(FromVolume).ToList() : null;

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
            result[key] = new SpaceSecret { Key = key, Description = Text(value, "description"), UpdatedAt = OptionalDate(value, "updatedAt") };
        }

        return result;
    }

    /// <summary>The variables map (the spec's <c>SpaceVariables</c>: key → {value, description?, updatedAt?}).</summary>
    public static IReadOnlyDictionary<string, SpaceVariable> ToVariables(JsonDocument? document)
    {
        var result = new Dictionary<string, SpaceVariable>(StringComparer.Ordinal);
        foreach (var (key, value) in Entries(document, "variables"))
        {
            var text = Text(value, "value") ?? throw new FormatException($"variable '{key}' has no string 'value'");
            result[key] = new SpaceVariable { Key = key, Value = text, Description = Text(value, "description"), UpdatedAt = OptionalDate(value, "updatedAt") };
        }

        return result;
    }

    public static SpaceHardwareInfo ToHardwareInfo(Wire.SpaceHardwareInfo h) => new()
    {
        Name = new SpaceHardware(string.IsNullOrEmpty(h.Name) ? throw new FormatException("a hardware entry has no 'name'") : h.Name),
        PrettyName = h.PrettyName,
        Cpu = h.Cpu,
        Ram = h.Ram,
        EphemeralStorage = h.EphemeralStorage,
        Accelerator = h.Accelerator is null ? null : new SpaceHardwareAccelerator { Type = h.Accelerator.Type, Model = h.Accelerator.Model, Quantity = h.Accelerator.Quantity, Vram = h.Accelerator.Vram, Manufacturer = h.Accelerator.Manufacturer },
        UnitCostMicroUsd = h.UnitCostMicroUSD,
        UnitCostUsd = h.UnitCostUSD,
        UnitLabel = h.UnitLabel,
    };

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

    /// <summary>
    /// A date: the Hub's UTC ISO-8601 form (<c>2025-03-07T12:24:18.657Z</c>) is read without culture parsing (as the log
    /// reader reads event times); any other form through <see cref="JsonText.OtherDate"/>; anything else is null.
    /// </summary>
    private static DateTimeOffset? OptionalDate(JsonElement element, string name) =>
        Member(element, name) is { ValueKind: JsonValueKind.String } value
            ? value.TryGetDateTimeOffset(out var utc) && utc.Offset == TimeSpan.Zero ? utc : JsonText.OtherDate(value.GetString())
            : null;
}
