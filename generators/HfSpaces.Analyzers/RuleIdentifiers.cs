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

    /// <summary><c>null</c>, or a string that may be null, converted to an extensible enum (it throws at run time).</summary>
    public const string NullValue = "HFS004";

    /// <summary>A constant string that is not a known value of another extensible enum (<c>SpaceSdk</c>, <c>SpaceVisibility</c>, …).</summary>
    public const string UnknownValue = "HFS005";
}
