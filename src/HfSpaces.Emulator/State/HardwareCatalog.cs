using System.Reflection;
using System.Text.Json;
using HfSpaces.Emulator.Generated;

namespace HfSpaces.Emulator.State;

/// <summary>
/// The hardware catalog: the flavors the spec lists (<c>SpaceHardware.x-extensible-enum</c>), with the accelerator and
/// price of each. The figures are illustrative (public pricing when written), not a billing source.
/// </summary>
internal static class HardwareCatalog
{
    private static readonly Dictionary<string, (string Pretty, string Cpu, string Ram, string? Gpu, string? Vram, int Count, long MicroUsdPerMinute)> Known = new()
    {
        ["cpu-basic"] = ("CPU basic", "2 vCPU", "16 GB", null, null, 0, 0),
        ["cpu-upgrade"] = ("CPU upgrade", "8 vCPU", "32 GB", null, null, 0, 500),
        ["zero-a10g"] = ("ZeroGPU", "dynamic", "dynamic", "H200 slice", "70 GB", 1, 0),
        ["t4-small"] = ("Nvidia T4 - small", "4 vCPU", "15 GB", "T4", "16 GB", 1, 6667),
        ["t4-medium"] = ("Nvidia T4 - medium", "8 vCPU", "30 GB", "T4", "16 GB", 1, 10000),
        ["l4x1"] = ("1x Nvidia L4", "8 vCPU", "30 GB", "L4", "24 GB", 1, 13333),
        ["l4x4"] = ("4x Nvidia L4", "48 vCPU", "186 GB", "L4", "96 GB", 4, 63333),
        ["l40sx1"] = ("1x Nvidia L40S", "8 vCPU", "62 GB", "L40S", "48 GB", 1, 30000),
        ["l40sx4"] = ("4x Nvidia L40S", "48 vCPU", "382 GB", "L40S", "192 GB", 4, 138333),
        ["l40sx8"] = ("8x Nvidia L40S", "192 vCPU", "1534 GB", "L40S", "384 GB", 8, 391667),
        ["a10g-small"] = ("Nvidia A10G - small", "4 vCPU", "15 GB", "A10G", "24 GB", 1, 16667),
        ["a10g-large"] = ("Nvidia A10G - large", "12 vCPU", "46 GB", "A10G", "24 GB", 1, 25000),
        ["a10g-largex2"] = ("2x Nvidia A10G - large", "24 vCPU", "92 GB", "A10G", "48 GB", 2, 50000),
        ["a10g-largex4"] = ("4x Nvidia A10G - large", "48 vCPU", "184 GB", "A10G", "96 GB", 4, 83333),
        ["a100-large"] = ("Nvidia A100 - large", "12 vCPU", "142 GB", "A100", "80 GB", 1, 41667),
        ["a100x4"] = ("4x Nvidia A100", "48 vCPU", "568 GB", "A100", "320 GB", 4, 166667),
        ["a100x8"] = ("8x Nvidia A100", "96 vCPU", "1136 GB", "A100", "640 GB", 8, 333333),
    };

    /// <summary>The flavors of the spec, in its order.</summary>
    public static IReadOnlyList<string> Flavors { get; } = ReadFlavorsFromSpec();

    public static bool IsFlavor(string? flavor) => flavor is not null && Flavors.Contains(flavor, StringComparer.Ordinal);

    public static List<SpaceHardwareInfo> Entries() => Flavors.Select(ToInfo).ToList();

    private static SpaceHardwareInfo ToInfo(string flavor)
    {
        var (pretty, cpu, ram, gpu, vram, count, microUsd) = Known.TryGetValue(flavor, out var k)
            ? k
            : (flavor, "unknown", "unknown", null, null, 0, 0L);
        return new SpaceHardwareInfo
        {
            Name = flavor,
            PrettyName = pretty,
            Cpu = cpu,
            Ram = ram,
            EphemeralStorage = "50 GB",
            Accelerator = gpu is null ? null : new SpaceHardwareAccelerator
            {
                Type = "gpu",
                Model = gpu,
                Quantity = count.ToString(System.Globalization.CultureInfo.InvariantCulture),
                Vram = vram,
                Manufacturer = "Nvidia",
            },
            UnitCostMicroUSD = microUsd,
            UnitCostUSD = microUsd / 1_000_000.0,
            UnitLabel = "minute",
        };
    }

    private static string[] ReadFlavorsFromSpec()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("hf-spaces.openapi.json")
            ?? throw new InvalidOperationException("The spec is not embedded in the emulator.");
        using var spec = JsonDocument.Parse(stream);
        return spec.RootElement.GetProperty("components").GetProperty("schemas").GetProperty("SpaceHardware")
            .GetProperty("x-extensible-enum").EnumerateArray().Select(v => v.GetString()!).ToArray();
    }
}
