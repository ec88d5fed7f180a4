namespace HfSpaces;

/// <summary>The result of <see cref="HfSpacesClient.CreateSpaceAsync"/>.</summary>
/// <param name="Id">The Space.</param>
/// <param name="Url">Its page on the Hub.</param>
/// <param name="AlreadyExisted">True when it existed and <see cref="CreateSpaceOptions.ExistOk"/> was set: none of the options were applied.</param>
public sealed record SpaceCreation(SpaceId Id, Uri Url, bool AlreadyExisted)
{
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
