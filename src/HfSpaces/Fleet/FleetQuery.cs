namespace HfSpaces;

/// <summary>
/// Which Spaces a fleet operation acts on: the Hub filters by author and search text; the stage, hardware and name
/// patterns are applied to each Space's runtime as it is listed. Patterns use <c>*</c> and <c>?</c> (<c>a10g-*</c>, <c>demo-*</c>).
/// </summary>
public sealed class FleetQuery
{
    /// <summary>The user or organisation whose Spaces are listed. Required: a fleet is someone's.</summary>
    public required string Author { get; init; }

    /// <summary>Only Spaces whose id contains this text (filtered by the Hub).</summary>
    public string? Search { get; init; }

    /// <summary>Only Spaces in one of these stages.</summary>
    public IReadOnlyList<SpaceStage>? Stages { get; init; }

    /// <summary>Only Spaces whose requested (or current) hardware matches this pattern.</summary>
    public string? Hardware { get; init; }

    /// <summary>Only Spaces whose name (after the namespace) matches this pattern.</summary>
    public string? Name { get; init; }

    /// <summary>True when <paramref name="space"/> passes the local filters.</summary>
    public bool Matches(SpaceInfo space)
    {
        ArgumentNullException.ThrowIfNull(space);
        var runtime = space.Runtime;
        if (Stages is { Count: > 0 } stages && (runtime is null || !stages.Contains(runtime.Stage)))
        {
            return false;
        }

        if (Hardware is { } pattern && runtime?.EffectiveHardware is not { } flavor)
        {
            return false;
        }

        if (Hardware is { } hardware && !Glob(hardware, runtime!.EffectiveHardware!.Value.ToString()))
        {
            return false;
        }

        return Name is not { } name || Glob(name, space.Id.Name);
    }

    /// <summary><c>*</c> any run of characters, <c>?</c> one character; case-insensitive, whole string (.NET's own matcher).</summary>
    internal static bool Glob(string pattern, string text) =>
        // .NET's matcher says no for an empty name whatever the pattern; a run of stars matches nothing too.
        text.Length == 0 ? pattern.All(c => c == '*') : System.IO.Enumeration.FileSystemName.MatchesSimpleExpression(pattern, text, ignoreCase: true);
}
