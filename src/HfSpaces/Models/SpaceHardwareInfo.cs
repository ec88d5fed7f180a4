namespace HfSpaces;

/// <summary>One flavor of the Hub's hardware catalog (<c>GET /api/spaces/hardware</c>).</summary>
/// <param name="Name">The flavor to request.</param>
/// <param name="PrettyName">The display name, e.g. <c>Nvidia T4 - small</c>.</param>
/// <param name="Cpu">CPU as the Hub words it, e.g. <c>4 vCPU</c>.</param>
/// <param name="Ram">Memory, e.g. <c>15 GB</c>.</param>
/// <param name="EphemeralStorage">Disk, when reported.</param>
/// <param name="Accelerator">The GPU or other accelerator; null for CPU flavors.</param>
/// <param name="UnitCostMicroUsd">Price per <paramref name="UnitLabel"/> in millionths of a dollar.</param>
/// <param name="UnitCostUsd">Price per <paramref name="UnitLabel"/> in dollars.</param>
/// <param name="UnitLabel">The billing unit, e.g. <c>minute</c>.</param>
public sealed record SpaceHardwareInfo(
    SpaceHardware Name,
    string? PrettyName,
    string? Cpu,
    string? Ram,
    string? EphemeralStorage,
    SpaceHardwareAccelerator? Accelerator,
    long? UnitCostMicroUsd,
    double? UnitCostUsd,
    string? UnitLabel);
