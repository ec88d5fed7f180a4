namespace HfSpaces.Analyzers;

/// <summary>Every diagnostic id of the analyzer, in one place.</summary>
public static class RuleIdentifiers
{
    /// <summary>A constant string that is not a known <c>SpaceHardware</c> flavor.</summary>
    public const string UnknownHardware = "HFS001";

    /// <summary>A constant string that is not a known <c>SpaceStage</c>.</summary>
    public const string UnknownStage = "HFS002";

    /// <summary>A constant string that is not a known <c>SpaceStorage</c> tier.</summary>
    public const string UnknownStorage = "HFS003";
}
