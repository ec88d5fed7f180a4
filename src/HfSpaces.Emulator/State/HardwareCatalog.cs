using System.Globalization;
using System.Reflection;
using System.Text.Json;
using HfSpaces.Emulator.Generated;

namespace HfSpaces.Emulator.State;

/// <summary>
/// The hardware catalog, read from the spec: the flavors of <c>SpaceHardware.x-extensible-enum</c> with the accelerator,
/// memory and list price of <c>x-extensible-enum-metadata</c> (a snapshot, not a billing source).
/// </summary>
internal static class HardwareCatalog
{
    private static readonly (string[] Flavors, List<SpaceHardwareInfo> Entries) Catalog = ReadFromSpec();

    /// <summary>The flavors of the spec, in its order.</summary>
    public static IReadOnlyList<string> Flavors => Catalog.Flavors;

    public static bool IsFlavor(string? flavor) => flavor is not null && Catalog.Flavors.Contains(flavor, StringComparer.Ordinal);

    /// <summary>A fresh copy (callers may serialize it while another request reads it).</summary>
    public static List<SpaceHardwareInfo> Entries() => Catalog.Entries.Select(Copy).ToList();

    private static (string[], List<SpaceHardwareInfo>) ReadFromSpec()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("hf-spaces.openapi.json")
            ?? throw new InvalidOperationException("The spec is not embedded in the emulator.");
        using var spec = JsonDocument.Parse(stream);
        var schema = spec.RootElement.GetProperty("components").GetProperty("schemas").GetProperty("SpaceHardware");
        var flavors = schema.GetProperty("x-extensible-enum").EnumerateArray().Select(v => v.GetString()!).ToArray();
        var metadata = schema.TryGetProperty("x-extensible-enum-metadata", out var m) ? m : default;
        return (flavors, flavors.Select(f => ToInfo(f, metadata.ValueKind == JsonValueKind.Object && metadata.TryGetProperty(f, out var e) ? e : default)).ToList());
    }

    private static SpaceHardwareInfo ToInfo(string flavor, JsonElement meta)
    {
        string? Text(string key) => meta.ValueKind == JsonValueKind.Object && meta.TryGetProperty(key, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        double? Number(string key) => meta.ValueKind == JsonValueKind.Object && meta.TryGetProperty(key, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDouble() : null;
        string Amount(double? value, string unit) => value is { } x ? $"{x.ToString(CultureInfo.InvariantCulture)} {unit}" : "dynamic";

        var microUsdPerMinute = (long)Math.Round((Number("pricePerHourUsd") ?? 0) / 60 * 1_000_000);
        return new SpaceHardwareInfo
        {
            Name = flavor,
            PrettyName = PrettyName(flavor),
            Cpu = Amount(Number("vcpu"), "vCPU"),
            Ram = Amount(Number("ramGb"), "GB"),
            EphemeralStorage = "50 GB",
            Accelerator = Text("accelerator") is { } model ? new SpaceHardwareAccelerator
            {
                Type = "gpu",
                Model = model,
                Quantity = (Number("acceleratorCount") ?? 1).ToString(CultureInfo.InvariantCulture),
                Vram = Amount(Number("vramGb"), "GB"),
                Manufacturer = "Nvidia",
            } : null,
            UnitCostMicroUSD = microUsdPerMinute,
            UnitCostUSD = microUsdPerMinute / 1_000_000.0,
            UnitLabel = "minute",
        };
    }

    /// <summary>
    /// The names the Hub's catalog shows: "CPU basic", "Nvidia T4 - small", "1x Nvidia L4", "2x Nvidia A10G - large",
    /// "ZeroGPU" — read off the flavor (<c>{gpu}[-{size}][x{count}]</c>), so a flavor added to the spec gets one too.
    /// </summary>
    internal static string PrettyName(string flavor)
    {
        if (flavor.StartsWith("cpu-", StringComparison.Ordinal))
        {
            return $"CPU {flavor[4..]}";
        }

        if (flavor.StartsWith("zero-", StringComparison.Ordinal))
        {
            return "ZeroGPU";
        }

        var match = System.Text.RegularExpressions.Regex.Match(flavor, "^(?<gpu>[a-z0-9]+?)(?:-(?<size>small|medium|large))?(?:x(?<count>[0-9]+))?$");
        if (!match.Success)
        {
            return flavor;
        }

        var count = match.Groups["count"].Success ? $"{match.Groups["count"].Value}x " : string.Empty;
        var size = match.Groups["size"].Success ? $" - {match.Groups["size"].Value}" : string.Empty;
        return $"{count}Nvidia {match.Groups["gpu"].Value.ToUpperInvariant()}{size}";
    }

    private static SpaceHardwareInfo Copy(SpaceHardwareInfo h) => new()
    {
        Name = h.Name,
        PrettyName = h.PrettyName,
        Cpu = h.Cpu,
        Ram = h.Ram,
        EphemeralStorage = h.EphemeralStorage,
        Accelerator = h.Accelerator is { } a ? new SpaceHardwareAccelerator { Type = a.Type, Model = a.Model, Quantity = a.Quantity, Vram = a.Vram, Manufacturer = a.Manufacturer } : null,
        UnitCostMicroUSD = h.UnitCostMicroUSD,
        UnitCostUSD = h.UnitCostUSD,
        UnitLabel = h.UnitLabel,
    };
}
