using Microsoft.CodeAnalysis;

namespace HfSpaces.Generators;

/// <summary>What can go wrong between the spec and a <c>[ExtensibleEnum]</c> declaration. Errors: the type would be empty.</summary>
internal static class GeneratorDiagnostics
{
    private const string Category = "HfSpaces.Generator";

    public static readonly DiagnosticDescriptor SpecMissing = new(
        "HFSG001",
        "The OpenAPI spec is not an AdditionalFile",
        "[ExtensibleEnum(\"{0}\")] on '{1}' needs the spec: add <AdditionalFiles Include=\"…/hf-spaces.openapi.json\" /> to the project (no *.openapi.json AdditionalFile was found)",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor SpecUnreadable = new(
        "HFSG002",
        "The OpenAPI spec cannot be read",
        "The spec '{0}' cannot be read: {1}",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor VocabularyMissing = new(
        "HFSG003",
        "The spec has no such vocabulary",
        "[ExtensibleEnum(\"{0}\")] on '{1}': the spec '{2}' has no schema '{0}' with x-extensible-enum (it has: {3})",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true);
}
