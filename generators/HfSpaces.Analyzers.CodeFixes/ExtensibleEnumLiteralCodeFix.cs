using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Simplification;

namespace HfSpaces.Analyzers.CodeFixes;

/// <summary>
/// HFS001–HFS003 and HFS005 fixes: replace the string with the suggested member (<c>SpaceHardware.A10gSmall</c>), or keep the value
/// and say it is deliberate with the escape hatch (<c>new SpaceHardware("h200x8")</c>). Both support Fix All.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ExtensibleEnumLiteralCodeFix))]
[Shared]
public sealed class ExtensibleEnumLiteralCodeFix : CodeFixProvider
{
    /// <summary>Equivalence key of the "use the member" fix.</summary>
    public const string UseMemberKey = "HfSpaces.UseKnownMember";

    /// <summary>Equivalence key of the "keep the value explicitly" fix.</summary>
    public const string KeepValueKey = "HfSpaces.KeepUnknownValue";

    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } =
        [RuleIdentifiers.UnknownHardware, RuleIdentifiers.UnknownStage, RuleIdentifiers.UnknownStorage, RuleIdentifiers.UnknownValue];

    /// <inheritdoc/>
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc/>
    public override Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        foreach (var diagnostic in context.Diagnostics)
        {
            var properties = diagnostic.Properties;
            if (!properties.TryGetValue(DiagnosticProperties.TypeName, out var typeName) || typeName is null
                || !properties.TryGetValue(DiagnosticProperties.Value, out var value) || value is null)
            {
                continue;
            }

            var shortName = typeName.Split('.').Last();
            if (properties.TryGetValue(DiagnosticProperties.SuggestedMember, out var member) && member is not null)
            {
                context.RegisterCodeFix(
                    CodeAction.Create(
                        $"Use {shortName}.{member}",
                        ct => ReplaceAsync(context.Document, diagnostic, $"{typeName}.{member}", ct),
                        UseMemberKey),
                    diagnostic);
            }

            context.RegisterCodeFix(
                CodeAction.Create(
                    $"Keep \"{value}\" as a value this SDK does not know (new {shortName}(\"…\"))",
                    ct => ReplaceAsync(context.Document, diagnostic, $"new {typeName}({SymbolDisplay.FormatLiteral(value, quote: true)})", ct),
                    KeepValueKey),
                diagnostic);
        }

        return Task.CompletedTask;
    }

    /// <summary>Replaces the diagnostic's node with <paramref name="replacement"/>, written fully qualified and simplified.</summary>
    internal static async Task<Document> ReplaceAsync(Document document, Diagnostic diagnostic, string replacement, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var node = root?.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
        if (root is null || node is null)
        {
            return document;
        }

        // Written fully qualified, then simplified to what the file's usings allow (SpaceHardware.A10gSmall).
        var parsed = SyntaxFactory.ParseExpression(replacement);
        var expression = parsed
            .ReplaceNodes(parsed.DescendantNodes().OfType<NameSyntax>().Where(n => n.Parent is not NameSyntax), (_, name) => name.WithAdditionalAnnotations(Simplifier.Annotation))
            .WithTriviaFrom(node)
            .WithAdditionalAnnotations(Simplifier.Annotation, Formatter.Annotation);
        return document.WithSyntaxRoot(root.ReplaceNode(node, expression));
    }
}
