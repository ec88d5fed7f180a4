namespace HfSpaces;

/// <summary>Replicas of a Space.</summary>
/// <param name="Requested">The requested count; null when the Hub asks for <c>auto</c> scaling (see <see cref="IsAuto"/>).</param>
/// <param name="Current">The running count, when reported.</param>
/// <param name="IsAuto">True when the requested count is <c>auto</c>.</param>
public sealed record SpaceReplicas(int? Requested, int? Current, bool IsAuto = false);
