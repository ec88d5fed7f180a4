using System;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace HfSpaces.Generators;

/// <summary>
/// Reports why an <c>[ExtensibleEnum]</c> struct got no generated members: no spec among the AdditionalFiles (HFSG001),
/// an unreadable spec (HFSG002), or no such vocabulary in it (HFSG003). Diagnostics come from an analyzer, not from the
/// generator, so the generator's pipeline stays a pure, cacheable transformation and the IDE shows them like any other.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ExtensibleEnumSpecAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        [GeneratorDiagnostics.SpecMissing, GeneratorDiagnostics.SpecUnreadable, GeneratorDiagnostics.VocabularyMissing];

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            if (start.Compilation.GetTypeByMetadataName(SupportSources.AttributeMetadataName) is not { } attributeType)
            {
                return;
            }

            // Read lazily, once per compilation, and only if an [ExtensibleEnum] struct exists.
            var specs = new Lazy<EquatableArray<SpecDocument>>(() => new EquatableArray<SpecDocument>(
                start.Options.AdditionalFiles
                    .Where(f => f.Path.EndsWith(ExtensibleEnumGenerator.SpecFileSuffix, StringComparison.OrdinalIgnoreCase))
                    .Select(f => SpecReader.Read(f.Path, f.GetText(start.CancellationToken)?.ToString()))
                    .OrderBy(s => s.Path, StringComparer.Ordinal)));

            start.RegisterSymbolAction(
                symbolContext =>
                {
                    var type = (INamedTypeSymbol)symbolContext.Symbol;
                    if (type.TypeKind != TypeKind.Struct || type.ContainingType is not null)
                    {
                        return;
                    }

                    var attribute = type.GetAttributes().FirstOrDefault(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, attributeType));
                    if (attribute is null || ExtensibleEnumGenerator.SchemaName(attribute) is not { } schema)
                    {
                        return;
                    }

                    var target = new EnumTarget(null, type.Name, "public", schema, type.Locations.FirstOrDefault() is { } l ? LocationInfo.From(l) : null);
                    if (EnumResolver.Resolve(target, specs.Value).Diagnostic is { } diagnostic)
                    {
                        symbolContext.ReportDiagnostic(diagnostic.ToDiagnostic());
                    }
                },
                SymbolKind.NamedType);
        });
    }
}
