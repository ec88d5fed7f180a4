namespace HfSpaces;

/// <summary>The result of a duplicate.</summary>
public sealed record SpaceDuplicate
{
    /// <summary>The new Space's id.</summary>
    public required SpaceId Id { get; init; }

    /// <summary>Its page on the Hub.</summary>
    public required Uri Url { get; init; }

    /// <summary>True when the target existed and <see cref="DuplicateSpaceOptions.ExistOk"/> was set.</summary>
    public bool AlreadyExisted { get; init; }
}
