namespace HfSpaces;

/// <summary>
/// What a new Space starts with (<see cref="HfSpacesClient.CreateSpaceAsync"/>). Only <see cref="Sdk"/> is required; unset
/// values are not sent and the Hub applies its defaults (public, cpu-basic).
/// </summary>
public sealed class CreateSpaceOptions
{
    /// <summary>The SDK the Space is built with: <see cref="SpaceSdk.Gradio"/>, <see cref="SpaceSdk.Streamlit"/>, <see cref="SpaceSdk.Docker"/> or <see cref="SpaceSdk.Static"/>. Required.</summary>
    public SpaceSdk Sdk { get; init; }

    /// <summary>Who can see the Space (the Hub's default: public).</summary>
    public SpaceVisibility? Visibility { get; init; }

    /// <summary>A template Space to start from, <c>namespace/name</c> (see <see cref="HfSpacesClient.ListTemplatesAsync"/>).</summary>
    public string? Template { get; init; }

    /// <summary>The hardware to run on. The Hub has been seen to ignore it at creation: read <see cref="SpaceCreation.HardwareApplied"/>.</summary>
    public SpaceHardware? Hardware { get; init; }

    /// <summary>The sleep time; <see cref="Timeout.InfiniteTimeSpan"/> for never. Ignored by the Hub on cpu-basic (fixed 48 h).</summary>
    public TimeSpan? SleepTime { get; init; }

    /// <summary>A persistent storage tier (deprecated by the Hub in favour of volumes).</summary>
    public SpaceStorage? Storage { get; init; }

    /// <summary>Secrets to set; their values are sent once and never logged.</summary>
    public IReadOnlyList<SpaceSecretValue>? Secrets { get; init; }

    /// <summary>Variables to set.</summary>
    public IReadOnlyList<SpaceVariableValue>? Variables { get; init; }

    /// <summary>Volumes to mount.</summary>
    public IReadOnlyList<SpaceVolume>? Volumes { get; init; }

    /// <summary>Start with dev mode on (PRO, Team and Enterprise accounts).</summary>
    public bool? DevMode { get; init; }

    /// <summary>A one-line description shown on the Space's card.</summary>
    public string? ShortDescription { get; init; }

    /// <summary>When true, an existing Space is not an error: <see cref="SpaceCreation.AlreadyExisted"/> is set and nothing of these options is applied to it.</summary>
    public bool ExistOk { get; init; }
}
