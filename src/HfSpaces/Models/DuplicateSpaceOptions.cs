namespace HfSpaces;

/// <summary>Settings of the copy made by <see cref="HfSpacesClient.DuplicateAsync"/>. Unset values are not sent (the Hub copies or defaults them).</summary>
public sealed class DuplicateSpaceOptions
{
    /// <summary>Who can see the copy.</summary>
    public SpaceVisibility? Visibility { get; init; }

    /// <summary>The copy's hardware.</summary>
    public SpaceHardware? Hardware { get; init; }

    /// <summary>The copy's persistent storage tier (deprecated by the Hub).</summary>
    public SpaceStorage? Storage { get; init; }

    /// <summary>The copy's sleep time; <see cref="Timeout.InfiniteTimeSpan"/> for never.</summary>
    public TimeSpan? SleepTime { get; init; }

    /// <summary>Secrets to set on the copy (secrets are never copied from the source).</summary>
    public IReadOnlyList<SpaceSecretValue>? Secrets { get; init; }

    /// <summary>Variables to set on the copy.</summary>
    public IReadOnlyList<SpaceVariableValue>? Variables { get; init; }

    /// <summary>Volumes to mount into the copy.</summary>
    public IReadOnlyList<SpaceVolume>? Volumes { get; init; }

    /// <summary>When true, an existing target is not an error: its URL is returned with <see cref="SpaceDuplicate.AlreadyExisted"/> set.</summary>
    public bool ExistOk { get; init; }
}
