using System.Text.Json;

namespace HfSpaces;

/// <summary>
/// A Space's runtime as the Hub reports it. Missing keys are normal (static Spaces have no hardware, no sleep time and no
/// dev mode) and values the Hub adds later are kept as they are; <see cref="Raw"/> holds the whole answer.
/// </summary>
public sealed record SpaceRuntime
{
    /// <summary>The stage; unknown stages are kept and count as terminal.</summary>
    public required SpaceStage Stage { get; init; }

    /// <summary>The flavor the Space runs on; null on static Spaces and during a first build.</summary>
    public SpaceHardware? Hardware { get; init; }

    /// <summary>The flavor requested and being built; null when no change is pending on static Spaces.</summary>
    public SpaceHardware? RequestedHardware { get; init; }

    /// <summary>
    /// The flavor the Space is on or is moving to: <see cref="RequestedHardware"/> when one is asked for, else
    /// <see cref="Hardware"/> (what a bill, a plan or a sleep-time rule is about); null on static Spaces.
    /// </summary>
    public SpaceHardware? EffectiveHardware => RequestedHardware ?? Hardware;

    /// <summary>
    /// Inactivity before the Space sleeps (<c>gcTimeout</c>); <see cref="Timeout.InfiniteTimeSpan"/> when the Hub reports
    /// -1, null when it reports none (static Spaces, or upgraded hardware that never sleeps).
    /// </summary>
    public TimeSpan? SleepTime { get; init; }

    /// <summary>The persistent storage tier, if any.</summary>
    public SpaceStorage? Storage { get; init; }

    /// <summary>True when dev mode is on; false when the Hub does not say (static Spaces).</summary>
    public bool DevMode { get; init; }

    /// <summary>Requested and current replicas, when the Hub reports them.</summary>
    public SpaceReplicas? Replicas { get; init; }

    /// <summary>The Space's domains (the <c>*.hf.space</c> one and custom ones).</summary>
    public IReadOnlyList<SpaceDomain> Domains { get; init; } = [];

    /// <summary>The build or runtime error text, when the stage is an error.</summary>
    public string? ErrorMessage { get; init; }

    /// <summary>The commit the Space runs, when reported.</summary>
    public string? Sha { get; init; }

    /// <summary>The SDK (<c>gradio</c>, <c>docker</c>, …), when reported.</summary>
    public string? Sdk { get; init; }

    /// <summary>The SDK version, when reported.</summary>
    public string? SdkVersion { get; init; }

    /// <summary>The volumes mounted into the Space; null when the Hub does not report them.</summary>
    public IReadOnlyList<SpaceVolume>? Volumes { get; init; }

    /// <summary>The hot-reload state, when a hot reload happened.</summary>
    public SpaceHotReloading? HotReloading { get; init; }

    /// <summary>The whole JSON answer, for keys this SDK does not model yet. <c>default</c> when built by hand.</summary>
    public JsonElement Raw { get; init; }
}
