namespace HfSpaces;

/// <summary>One flavor of the Hub's hardware catalog (<c>GET /api/spaces/hardware</c>).</summary>
public sealed record SpaceHardwareInfo
{
    /// <summary>The flavor to request.</summary>
    public required SpaceHardware Name { get; init; }

    /// <summary>The display name, e.g. <c>Nvidia T4 - small</c>.</summary>
    public string? PrettyName { get; init; }

    /// <summary>CPU as the Hub words it, e.g. <c>4 vCPU</c>.</summary>
    public string? Cpu { get; init; }

    /// <summary>Memory, e.g. <c>15 GB</c>.</summary>
    public string? Ram { get; init; }

    /// <summary>Disk, when reported.</summary>
    public string? EphemeralStorage { get; init; }

    /// <summary>The GPU or other accelerator; null for CPU flavors.</summary>
    public SpaceHardwareAccelerator? Accelerator { get; init; }

    /// <summary>Price per <see cref="UnitLabel"/> in millionths of a dollar.</summary>
    public long? UnitCostMicroUsd { get; init; }

    /// <summary>Price per <see cref="UnitLabel"/> in dollars.</summary>
    public double? UnitCostUsd { get; init; }

    /// <summary>The billing unit, e.g. <c>minute</c>.</summary>
    public string? UnitLabel { get; init; }
}
