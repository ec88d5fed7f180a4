using Microsoft.CodeAnalysis;

namespace HfSpaces.Analyzers;

/// <summary>The rules. Warnings, never errors: a value the Hub added yesterday must stay sendable.</summary>
internal static class Descriptors
{
    /// <summary>Where docs/HFS00x.md are published (the repository's generators/HfSpaces.Analyzers/docs folder).</summary>
    public const string DocsBaseUrl = "https://github.com/HfSpacesKiota/HfSpacesKiota/blob/main/generators/HfSpaces.Analyzers/docs/";

    public static readonly DiagnosticDescriptor UnknownHardware = Create(RuleIdentifiers.UnknownHardware, "hardware flavor", "SpaceHardware");

    public static readonly DiagnosticDescriptor UnknownStage = Create(RuleIdentifiers.UnknownStage, "Space stage", "SpaceStage");

    public static readonly DiagnosticDescriptor UnknownStorage = Create(RuleIdentifiers.UnknownStorage, "storage tier", "SpaceStorage");

    /// <summary>Every other extensible enum the SDK has (sdk, visibility, volume type, log type, and any the spec adds).</summary>
    public static readonly DiagnosticDescriptor UnknownValue = new(
        RuleIdentifiers.UnknownValue,
        "Unknown value of an extensible enum",
        // {0}: the value; {1}: the reason; {2}: the type.
        "'{0}' is not a known {2} value: {1}",
        "Usage",
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "The string is converted to one of the SDK's extensible enums but is none of the values the SDK knows (from the spec's x-extensible-enum). "
            + "Use a member of the type; if the Hub added the value after this SDK was built, construct it explicitly (new T(\"…\")).",
        helpLinkUri: DocsBaseUrl + RuleIdentifiers.UnknownValue + ".md");

    /// <summary>HFS004: an extensible enum is a struct around a non-null string; converting null to it throws.</summary>
    public static readonly DiagnosticDescriptor NullValue = new(
        RuleIdentifiers.NullValue,
        "Null converted to an extensible enum",
        // {0}: what is converted ("null", "'name' may be null here and"); {1}: the type; {2}: what to do.
        "{0} converted to {1}, which cannot hold null: the conversion throws ArgumentNullException at run time. {2}.",
        "Usage",
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "The SDK's extensible enums (SpaceHardware, SpaceStage, …) convert implicitly from string, so null compiles — "
            + "for example the branch of 'cond ? SpaceHardware.T4Small : null' — and throws when it runs. Use a nullable (T?) for 'no value'.",
        helpLinkUri: DocsBaseUrl + RuleIdentifiers.NullValue + ".md");

    private static DiagnosticDescriptor Create(string id, string what, string type) => new(
        id,
        $"Unknown {what}",
        // {0}: the value; {1}: the reason ("did you mean 'x'?", "differs only in case from 'x'", …).
        $"'{{0}}' is not a known {what}: {{1}}",
        "Usage",
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: $"The string is converted to {type} but is none of the values the SDK knows (from the spec's x-extensible-enum). "
            + $"Use a {type} member; if the Hub added the value after this SDK was built, write new {type}(\"…\") to say so.",
        helpLinkUri: DocsBaseUrl + id + ".md");
}
