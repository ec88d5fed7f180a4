namespace HfSpaces;

/// <summary>The accelerator of a flavor, all values as the Hub words them.</summary>
/// <param name="Type"><c>gpu</c> or <c>neuron</c>.</param>
/// <param name="Model">e.g. <c>T4</c>, <c>A100</c>.</param>
/// <param name="Quantity">How many, e.g. <c>1</c>.</param>
/// <param name="Vram">Total memory, e.g. <c>16 GB</c>.</param>
/// <param name="Manufacturer">e.g. <c>Nvidia</c>.</param>
public sealed record SpaceHardwareAccelerator(string? Type, string? Model, string? Quantity, string? Vram, string? Manufacturer);
