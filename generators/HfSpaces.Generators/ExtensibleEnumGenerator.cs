using System;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace HfSpaces.Generators;

/// <summary>
/// Completes every <c>[ExtensibleEnum("Schema")] readonly partial struct</c> with the values that the OpenAPI spec
/// (an AdditionalFile named <c>*.openapi.json</c>) lists under <c>components.schemas.Schema.x-extensible-enum</c>.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class ExtensibleEnumGenerator : IIncrementalGenerator
{
    /// <summary>AdditionalFiles whose name ends so are read as OpenAPI documents.</summary>
    public const string SpecFileSuffix = ".openapi.json";

    /// <inheritdoc/>
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        context.RegisterPostInitializationOutput(static output =>
        {
            output.AddSource("ExtensibleEnumAttribute.g.cs", SourceText.From(SupportSources.Attribute, System.Text.Encoding.UTF8));
            output.AddSource("ExtensibleEnumText.g.cs", SourceText.From(SupportSources.Text, System.Text.Encoding.UTF8));
            output.AddSource("ValueSuggestions.g.cs", SourceText.From(SupportSources.Suggestions, System.Text.Encoding.UTF8));
        });

        var specs = context.AdditionalTextsProvider
            .Where(static file => file.Path.EndsWith(SpecFileSuffix, StringComparison.OrdinalIgnoreCase))
            .Select(static (file, ct) => SpecReader.Read(file.Path, file.GetText(ct)?.ToString()))
            .WithTrackingName(TrackingNames.Specs)
            .Collect()
            .Select(static (all, _) => new EquatableArray<SpecDocument>(all.OrderBy(s => s.Path, StringComparer.Ordinal)))
            .WithTrackingName(TrackingNames.AllSpecs);

        var targets = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                SupportSources.AttributeMetadataName,
                static (node, _) => node is StructDeclarationSyntax,
                static (ctx, ct) => ToTarget(ctx, ct))
            .Where(static t => t is not null)
            .Select(static (t, _) => t!)
            .WithTrackingName(TrackingNames.Targets);

        var enums = targets
            .Combine(specs)
            .Select(static (pair, _) => EnumResolver.Resolve(pair.Left, pair.Right))
            .WithTrackingName(TrackingNames.Enums);

        context.RegisterSourceOutput(enums, static (output, model) =>
        {
            // A missing or broken spec produces no code; ExtensibleEnumSpecAnalyzer reports why (HFSG001-HFSG003).
            if (model.Diagnostic is not null)
            {
                return;
            }

            var hint = (model.Target.Namespace is null ? string.Empty : model.Target.Namespace + ".") + model.Target.TypeName + ".g.cs";
            output.AddSource(hint, SourceText.From(ExtensibleEnumEmitter.Emit(model.Target, model.Vocabulary!, model.SpecPath!), System.Text.Encoding.UTF8));
        });
    }

    private static EnumTarget? ToTarget(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (context.TargetSymbol is not INamedTypeSymbol symbol || symbol.ContainingType is not null)
        {
            return null;
        }

        if (SchemaName(context.Attributes[0]) is not { } schema)
        {
            return null;
        }

        return new EnumTarget(
            symbol.ContainingNamespace.IsGlobalNamespace ? null : symbol.ContainingNamespace.ToDisplayString(),
            symbol.Name,
            symbol.DeclaredAccessibility == Accessibility.Public ? "public" : "internal",
            schema,
            LocationInfo.From(((StructDeclarationSyntax)context.TargetNode).Identifier.GetLocation()));
    }

    /// <summary>The SchemaName of an <c>[ExtensibleEnum]</c> attribute, or null.</summary>
    internal static string? SchemaName(AttributeData attribute) =>
        attribute.ConstructorArguments.FirstOrDefault().Value as string is { Length: > 0 } name ? name : null;
}
