namespace HfSpaces;

/// <summary>The accelerator of a flavor, all values as the Hub words them.</summary>
public sealed record SpaceHardwareAccelerator
{
    /// <summary><c>gpu</c> or <c>neuron</c>.</summary>
    public string? Type { get; init; }

    /// <summary>e.g. <c>T4</c>, <c>A100</c>.</summary>
    public string? Model { get; init; }

    /// <summary>How many, e.g. <c>1</c>.</summary>
    public string? Quantity { get; init; }

    /// <summary>Total memory, e.g. <c>16 GB</c>.</summary>
    public string? Vram { get; init; }

    /// <summary>e.g. <c>Nvidia</c>.</summary>
    public string? Manufacturer { get; init; }
}
