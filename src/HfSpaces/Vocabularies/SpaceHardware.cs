namespace HfSpaces;

/// <summary>
/// A Space hardware flavor such as <c>cpu-basic</c>, <c>t4-small</c> or <c>a100-large</c>. The known values come from the
/// spec (<c>x-extensible-enum</c>); the Hub adds flavors several times a year and old Spaces may report retired ones, so
/// any string is a valid value: <c>new SpaceHardware("h200x8")</c> is sent and read back unchanged.
/// </summary>
[ExtensibleEnum("SpaceHardware")]
public readonly partial struct SpaceHardware;
