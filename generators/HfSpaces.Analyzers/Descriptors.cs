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
