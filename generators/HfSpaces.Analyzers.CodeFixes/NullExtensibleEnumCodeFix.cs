using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace HfSpaces.Analyzers.CodeFixes;

/// <summary>
/// HFS004 fix, offered where it is obvious: a <c>null</c> literal whose result is used as a <c>T?</c>
/// (<c>T? x = cond ? T.A : null</c>) becomes <c>(T?)null</c> — the same meaning, without the throwing conversion.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(NullExtensibleEnumCodeFix))]
[Shared]
public sealed class NullExtensibleEnumCodeFix : CodeFixProvider
{
    /// <summary>Equivalence key of the fix.</summary>
    public const string UseNullableKey = "HfSpaces.UseNullableNull";

    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = [RuleIdentifiers.NullValue];

    /// <inheritdoc/>
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc/>
    public override Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        foreach (var diagnostic in context.Diagnostics)
        {
            if (diagnostic.Properties.TryGetValue(DiagnosticProperties.NullableTarget, out var nullable) && nullable == "true"
                && diagnostic.Properties.TryGetValue(DiagnosticProperties.TypeName, out var typeName) && typeName is not null)
            {
                var shortName = typeName.Split('.').Last();
                context.RegisterCodeFix(
                    CodeAction.Create(
                        $"Use ({shortName}?)null",
                        ct => ExtensibleEnumLiteralCodeFix.ReplaceAsync(context.Document, diagnostic, $"({typeName}?)null", ct),
                        UseNullableKey),
                    diagnostic);
            }
        }

        return Task.CompletedTask;
    }
}
