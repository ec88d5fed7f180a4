namespace HfSpaces;

/// <summary>The result of a duplicate.</summary>
/// <param name="Id">The new Space's id.</param>
/// <param name="Url">Its page on the Hub.</param>
/// <param name="AlreadyExisted">True when the target existed and <see cref="DuplicateSpaceOptions.ExistOk"/> was set.</param>
public sealed record SpaceDuplicate(SpaceId Id, Uri Url, bool AlreadyExisted);
