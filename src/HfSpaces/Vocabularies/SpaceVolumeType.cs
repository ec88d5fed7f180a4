namespace HfSpaces;

/// <summary>What a volume mounts into a Space: a <c>bucket</c>, a <c>model</c>, a <c>dataset</c> or another <c>space</c>.</summary>
[ExtensibleEnum("SpaceVolumeType")]
public readonly partial struct SpaceVolumeType;
