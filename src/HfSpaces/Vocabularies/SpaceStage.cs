namespace HfSpaces;

/// <summary>
/// The stage of a Space (<c>RUNNING</c>, <c>BUILDING</c>, <c>PAUSED</c>, …). Stages the Hub adds later are kept as they
/// are and count as terminal, never as an error. <see cref="IsIntermediate"/> tells a stage that will change by itself.
/// </summary>
[ExtensibleEnum("SpaceStage")]
public readonly partial struct SpaceStage;
