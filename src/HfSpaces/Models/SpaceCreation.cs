namespace HfSpaces;

/// <summary>The result of <see cref="HfSpacesClient.CreateSpaceAsync"/>.</summary>
public sealed record SpaceCreation
{
    /// <summary>The Space.</summary>
    public required SpaceId Id { get; init; }

    /// <summary>Its page on the Hub.</summary>
    public required Uri Url { get; init; }

    /// <summary>True when it existed and <see cref="CreateSpaceOptions.ExistOk"/> was set: none of the options were applied.</summary>
    public bool AlreadyExisted { get; init; }

    /// <summary>
    /// Whether the Hub took the requested hardware, read back from the runtime after creation: true when the runtime's
    /// requested (or current) hardware is the one asked for, false when the Hub put the Space on something else
    /// (huggingface_hub#1477: some accounts get cpu-basic whatever they ask) — then call
    /// <see cref="HfSpacesClient.RequestHardwareAsync"/>. Null when no hardware was asked for, the Space already existed,
    /// or the runtime could not be read back (see <see cref="RuntimeError"/>).
    /// </summary>
    public bool? HardwareApplied { get; init; }

    /// <summary>The runtime read back after creation, when hardware was asked for.</summary>
    public SpaceRuntime? Runtime { get; init; }

    /// <summary>Why the runtime could not be read back after a successful creation; the Space exists regardless.</summary>
    public HfSpacesException? RuntimeError { get; init; }
}
