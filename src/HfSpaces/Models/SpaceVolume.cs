namespace HfSpaces;

/// <summary>A repository or bucket mounted into a Space.</summary>
/// <param name="Type">What is mounted.</param>
/// <param name="Source">The repository id (<c>openai/whisper-large-v3</c>) or bucket name.</param>
/// <param name="MountPath">Where it appears in the container, e.g. <c>/data</c>.</param>
public sealed record SpaceVolume(SpaceVolumeType Type, string Source, string MountPath)
{
    /// <summary>The revision to mount (repositories only).</summary>
    public string? Revision { get; init; }

    /// <summary>True to mount read-only.</summary>
    public bool? ReadOnly { get; init; }

    /// <summary>A sub-path of the source to mount.</summary>
    public string? Path { get; init; }
}
