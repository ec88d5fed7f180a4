namespace HfSpaces;

/// <summary>A repository or bucket mounted into a Space.</summary>
public sealed record SpaceVolume
{
    /// <summary>Creates a SpaceVolume.</summary>
    /// <param name="type">What is mounted.</param>
    /// <param name="source">The repository id (<c>openai/whisper-large-v3</c>) or bucket name.</param>
    /// <param name="mountPath">Where it appears in the container, e.g. <c>/data</c>.</param>
    public SpaceVolume(SpaceVolumeType type, string source, string mountPath)
    {
        Type = type;
        Source = source;
        MountPath = mountPath;
    }

    /// <summary>What is mounted.</summary>
    public SpaceVolumeType Type { get; }

    /// <summary>The repository id (<c>openai/whisper-large-v3</c>) or bucket name.</summary>
    public string Source { get; }

    /// <summary>Where it appears in the container, e.g. <c>/data</c>.</summary>
    public string MountPath { get; }

    /// <summary>The revision to mount (repositories only).</summary>
    public string? Revision { get; init; }

    /// <summary>True to mount read-only.</summary>
    public bool? ReadOnly { get; init; }

    /// <summary>A sub-path of the source to mount.</summary>
    public string? Path { get; init; }
}
