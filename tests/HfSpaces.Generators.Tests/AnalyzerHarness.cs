using System.Collections.Immutable;
using HfSpaces.Analyzers;
using HfSpaces.Analyzers.CodeFixes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace HfSpaces.Generators.Tests;

/// <summary>Runs the analyzer and its code fixes on user code that references the real HfSpaces.dll.</summary>
internal static class AnalyzerHarness
{
    // With the real SDK (its generated Values are the known values), without the generator.
    private static readonly ImmutableArray<MetadataReference> References = TestReferences.Except("HfSpaces.Generators");

    public static Document CreateDocument(string source)
    {
        var workspace = new AdhocWorkspace();
        var project = workspace.AddProject(ProjectInfo.Create(
            ProjectId.CreateNewId(),
            VersionStamp.Create(),
            "Consumer",
            "Consumer",
            LanguageNames.CSharp,
            compilationOptions: new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable),
            parseOptions: new CSharpParseOptions(LanguageVersion.Latest),
            metadataReferences: References));
        return workspace.AddDocument(project.Id, "Consumer.cs", SourceText.From(source));
    }

    /// <summary>The analyzer's diagnostics, after checking the code compiles.</summary>
    public static async Task<ImmutableArray<Diagnostic>> AnalyzeAsync(Document document)
    {
        var compilation = (await document.Project.GetCompilationAsync())!;
        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, "the test source does not compile: " + string.Join("; ", errors));
        var diagnostics = await compilation.WithAnalyzers([new ExtensibleEnumLiteralAnalyzer()]).GetAnalyzerDiagnosticsAsync();
        return [.. diagnostics.OrderBy(d => d.Location.SourceSpan.Start)];
    }

    public static Task<ImmutableArray<Diagnostic>> AnalyzeAsync(string source) => AnalyzeAsync(CreateDocument(source));

    /// <summary>Applies the fix with <paramref name="equivalenceKey"/> to the first diagnostic and returns the new source.</summary>
    public static Task<string> FixAsync(string source, string equivalenceKey) => FixAsync(source, equivalenceKey, new ExtensibleEnumLiteralCodeFix());

    /// <summary>Applies <paramref name="fixer"/>'s fix with <paramref name="equivalenceKey"/> to the first diagnostic.</summary>
    public static async Task<string> FixAsync(string source, string equivalenceKey, CodeFixProvider fixer)
    {
        var document = CreateDocument(source);
        var diagnostic = (await AnalyzeAsync(document)).First();
        var actions = new List<CodeAction>();
        await fixer.RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None));
        var chosen = actions.Single(a => a.EquivalenceKey == equivalenceKey);
        return await ApplyAsync(document, chosen);
    }

    /// <summary>The titles of the fixes offered for the first diagnostic.</summary>
    public static async Task<IReadOnlyList<string>> FixTitlesAsync(string source)
    {
        var document = CreateDocument(source);
        var diagnostic = (await AnalyzeAsync(document)).First();
        var actions = new List<CodeAction>();
        await new ExtensibleEnumLiteralCodeFix().RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None));
        return actions.Select(a => a.Title).ToList();
    }

    /// <summary>Fix All in the document with <paramref name="equivalenceKey"/>.</summary>
    public static async Task<string> FixAllAsync(string source, string equivalenceKey)
    {
        var document = CreateDocument(source);
        var diagnostics = await AnalyzeAsync(document);
        var fixer = new ExtensibleEnumLiteralCodeFix();
        var context = new FixAllContext(document, fixer, FixAllScope.Document, equivalenceKey, fixer.FixableDiagnosticIds, new FixedDiagnostics(diagnostics), CancellationToken.None);
        var action = await fixer.GetFixAllProvider()!.GetFixAsync(context);
        return await ApplyAsync(document, action!);
    }

    private static async Task<string> ApplyAsync(Document document, CodeAction action)
    {
        var operations = await action.GetOperationsAsync(CancellationToken.None);
        var solution = operations.OfType<ApplyChangesOperation>().Single().ChangedSolution;
        return (await solution.GetDocument(document.Id)!.GetTextAsync()).ToString();
    }

    private sealed class FixedDiagnostics(ImmutableArray<Diagnostic> diagnostics) : FixAllContext.DiagnosticProvider
    {
        public override Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken) => Task.FromResult<IEnumerable<Diagnostic>>(diagnostics);

        public override Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken) => Task.FromResult<IEnumerable<Diagnostic>>(diagnostics);

        public override Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken) => Task.FromResult<IEnumerable<Diagnostic>>([]);
    }
}
