using System.Text;
using System.Text.Json;
using HfSpaces.Mapping;
using Microsoft.Kiota.Serialization.Json;
using Wire = HfSpaces.Generated.Models;

namespace HfSpaces.Tests;

/// <summary>
/// The SDK reads the runtime straight from the JSON (the hot path of waits and fleets); Kiota's generated model, from the
/// spec, is the oracle: on recorded and fuzzed bodies both must read the same fields, or both refuse the body.
/// </summary>
public sealed class RuntimeReaderTests
{
    private static readonly string[] Recorded =
    [
        """{"stage":"BUILDING","hardware":{"current":null,"requested":"cpu-basic"},"storage":null,"gcTimeout":172800,"replicas":{"requested":1},"devMode":false,"domains":[{"domain":"user-tmp-test-space.hf.space","stage":"READY"}]}""",
        """{"stage":"RUNNING","hardware":{"current":null,"requested":null},"storage":null,"replicas":{"requested":1,"current":1}}""",
        """{"stage":"HIBERNATING","hardware":{"current":"h200x8","requested":"h200x8","currentPrettyName":"Nvidia H200 x8"},"storage":"xlarge","gcTimeout":-1,"devMode":true,"replicas":{"requested":"auto","current":3},"errorMessage":null,"sha":"abc123","sdk":"docker","sdkVersion":"1","futureKey":{"nested":[1,2]},"volumes":[{"source":"openai/whisper","mountPath":"/data"},{"type":"bucket","source":"b1","mountPath":"/b","readOnly":true,"revision":"main","path":"sub"}],"hotReloading":{"status":"created","replicaStatuses":[["r-1","done"],["r-2",null]]}}""",
        """{"stage":"RUNTIME_ERROR","hardware":{"current":null,"requested":"t4-small"},"errorMessage":"Exit code: 1. Reason: ModuleNotFoundError","domains":[{"domain":"x.hf.space","stage":"READY","isCustom":true},{"stage":"PENDING"}]}""",
    ];

    [Fact]
    public void Recorded_runtimes_read_as_kiota_reads_them()
    {
        foreach (var body in Recorded)
        {
            Assert.Equal(ViaKiota(body), Direct(body));
        }
    }

    [Fact]
    public void Fuzzed_runtimes_read_as_kiota_reads_them_or_both_refuse_them()
    {
        var random = new Random(20261130);
        var refused = 0;
        for (var i = 0; i < 3000; i++)
        {
            var body = RandomRuntime(random);
            var expected = ViaKiota(body);
            var actual = Direct(body);
            Assert.True(expected == actual, $"{body}\nkiota:  {expected}\ndirect: {actual}");
            refused += expected.StartsWith("refused", StringComparison.Ordinal) ? 1 : 0;
        }

        // Both kinds of outcome were exercised.
        Assert.InRange(refused, 100, 2900);
    }

    private static string Direct(string body) => Read(body, HubModels.ToRuntime);

    /// <summary>What the SDK read before: Kiota's model of the spec's SpaceRuntime, then mapped.</summary>
    private static string ViaKiota(string body) => Read(body, raw =>
    {
        var wire = new JsonParseNode(raw).GetObjectValue(Wire.SpaceRuntime.CreateFromDiscriminatorValue);
        if (string.IsNullOrEmpty(wire.Stage))
        {
            throw new FormatException("no stage");
        }

        return new SpaceRuntime
        {
            Stage = new SpaceStage(wire.Stage),
            Hardware = string.IsNullOrEmpty(wire.Hardware?.Current) ? (SpaceHardware?)null : new SpaceHardware(wire.Hardware.Current),
            RequestedHardware = string.IsNullOrEmpty(wire.Hardware?.Requested) ? (SpaceHardware?)null : new SpaceHardware(wire.Hardware.Requested),
            SleepTime = wire.GcTimeout switch { null => null, -1 => Timeout.InfiniteTimeSpan, var s => TimeSpan.FromSeconds(s.Value) },
            Storage = string.IsNullOrEmpty(wire.Storage) ? (SpaceStorage?)null : new SpaceStorage(wire.Storage),
            DevMode = wire.DevMode ?? false,
            Replicas = wire.Replicas is null ? null : new SpaceReplicas { Requested = wire.Replicas.Requested?.Integer, Current = wire.Replicas.Current, IsAuto = string.Equals(wire.Replicas.Requested?.String, "auto", StringComparison.OrdinalIgnoreCase) },
            Domains = wire.Domains?.Where(d => d.Domain is not null).Select(d => new SpaceDomain { Domain = d.Domain!, Stage = d.Stage, IsCustom = d.IsCustom ?? false }).ToArray() ?? [],
            ErrorMessage = wire.ErrorMessage,
            Sha = wire.Sha,
            Sdk = wire.Sdk,
            SdkVersion = wire.SdkVersion,
            Volumes = wire.Volumes?.Select(v => new SpaceVolume(new SpaceVolumeType(string.IsNullOrEmpty(v.Type) ? "model" : v.Type), v.Source ?? string.Empty, v.MountPath ?? string.Empty) { Revision = v.Revision, ReadOnly = v.ReadOnly, Path = v.Path }).ToArray(),
            HotReloading = wire.HotReloading is null ? null : new SpaceHotReloading { Status = wire.HotReloading.Status, ReplicaStatuses = HotStatuses(raw.GetProperty("hotReloading")) },
            Raw = raw,
        };
    });

    private static List<KeyValuePair<string, string?>> HotStatuses(JsonElement hot)
    {
        var statuses = new List<KeyValuePair<string, string?>>();
        if (hot.ValueKind == JsonValueKind.Object && hot.TryGetProperty("replicaStatuses", out var pairs) && pairs.ValueKind == JsonValueKind.Array)
        {
            foreach (var pair in pairs.EnumerateArray())
            {
                if (pair.ValueKind == JsonValueKind.Array && pair.GetArrayLength() > 0 && pair[0].ValueKind == JsonValueKind.String)
                {
                    statuses.Add(new(pair[0].GetString()!, pair.GetArrayLength() > 1 && pair[1].ValueKind == JsonValueKind.String ? pair[1].GetString() : null));
                }
            }
        }

        return statuses;
    }

    /// <summary>Every field the SDK exposes, as text, or "refused" when reading failed.</summary>
    private static string Read(string body, Func<JsonElement, SpaceRuntime> read)
    {
        SpaceRuntime r;
        try
        {
            using var document = JsonDocument.Parse(body);
            r = read(document.RootElement.Clone());
        }
        catch (Exception e) when (e is FormatException or InvalidOperationException or JsonException or OverflowException or ArgumentException)
        {
            return "refused";
        }

        return string.Join(" | ",
            r.Stage, r.Hardware, r.RequestedHardware, r.SleepTime, r.Storage, r.DevMode, r.Replicas,
            string.Join(",", r.Domains), r.ErrorMessage, r.Sha, r.Sdk, r.SdkVersion,
            r.Volumes is null ? "no volumes" : string.Join(",", r.Volumes),
            r.HotReloading is null ? "no hot reloading" : $"{r.HotReloading.Status}:{string.Join(",", r.HotReloading.ReplicaStatuses)}");
    }

    private static string RandomRuntime(Random random)
    {
        var text = new StringBuilder("{");
        var fields = new (string Name, Func<Random, string> Good)[]
        {
            ("stage", r => Pick(r, "\"RUNNING\"", "\"BUILDING\"", "\"\"", "\"NEW_STAGE\"")),
            ("hardware", r => $$"""{"current":{{Pick(r, "\"t4-small\"", "null", "\"\"", "3")}},"requested":{{Pick(r, "\"a10g-large\"", "null", "true")}}}"""),
            ("gcTimeout", r => Pick(r, "3600", "-1", "172800", "0")),
            ("storage", r => Pick(r, "\"small\"", "\"\"", "null")),
            ("devMode", r => Pick(r, "true", "false")),
            ("replicas", r => $$"""{"requested":{{Pick(r, "1", "\"auto\"", "\"AUTO\"", "null", "2.5", "{}")}},"current":{{Pick(r, "1", "null", "\"1\"")}}}"""),
            ("domains", r => $$"""[{"domain":{{Pick(r, "\"a.hf.space\"", "null", "1")}},"stage":{{Pick(r, "\"READY\"", "null")}},"isCustom":{{Pick(r, "true", "null", "\"yes\"")}}}]"""),
            ("errorMessage", r => Pick(r, "\"boom\"", "null", "\"\\u00e9\\n\"")),
            ("sha", r => Pick(r, "\"abc\"", "null")),
            ("sdk", r => Pick(r, "\"gradio\"", "null")),
            ("sdkVersion", r => Pick(r, "\"5.0\"", "5")),
            ("volumes", r => $$"""[{"type":{{Pick(r, "\"bucket\"", "null", "\"\"")}},"source":{{Pick(r, "\"b\"", "null")}},"mountPath":"/m","readOnly":{{Pick(r, "true", "null", "1")}},"revision":{{Pick(r, "\"main\"", "null")}},"path":{{Pick(r, "\"p\"", "null")}}}]"""),
            ("hotReloading", r => $$"""{"status":{{Pick(r, "\"created\"", "null", "7")}},"replicaStatuses":{{Pick(r, "[[\"r\",\"ok\"]]", "[[\"r\"]]", "[[1,2]]", "null", "{}")}}}"""),
        };
        var first = true;
        foreach (var (name, good) in fields)
        {
            if (random.Next(5) == 0)
            {
                continue; // absent
            }

            // Mostly a plausible value, sometimes any JSON kind at all (Kiota reads a wrong kind as null, or refuses it).
            var value = random.Next(4) == 0 ? Pick(random, "null", "true", "12", "1e40", "7.25", "\"text\"", "[]", "[1,\"x\"]", "{}", "{\"a\":1}") : good(random);
            text.Append(first ? string.Empty : ",").Append('"').Append(name).Append("\":").Append(value);
            first = false;
        }

        return text.Append('}').ToString();
    }

    private static string Pick(Random random, params string[] values) => values[random.Next(values.Length)];
}
