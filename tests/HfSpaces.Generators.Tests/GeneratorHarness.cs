using System.Collections.Immutable;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace HfSpaces.Generators.Tests;

/// <summary>Runs the generator in memory, the way the compiler does, with step tracking on.</summary>
internal static class GeneratorHarness
{
    public const string Declarations = """
        namespace HfSpaces;

        [ExtensibleEnum("SpaceHardware")]
        public readonly partial struct SpaceHardware;

        [ExtensibleEnum("SpaceStage")]
        public readonly partial struct SpaceStage;

        [ExtensibleEnum("SpaceStorage")]
        public readonly partial struct SpaceStorage;
        """;

    public static string RealSpecPath => Path.Combine(AppContext.BaseDirectory, "spec", "hf-spaces.openapi.json");

    public static string RealSpec => File.ReadAllText(RealSpecPath);

    // Without the SDK: the generator tests declare their own SpaceHardware.
    private static readonly ImmutableArray<MetadataReference> References = TestReferences.Except("HfSpaces");

    public static CSharpCompilation Compile(params string[] sources) =>
        CSharpCompilation.Create(
            "Consumer",
            sources.Select((s, i) => CSharpSyntaxTree.ParseText(s, path: $"Source{i}.cs")),
            References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    public static GeneratorDriver CreateDriver(params AdditionalText[] additionalTexts) =>
        CSharpGeneratorDriver.Create(
            [new ExtensibleEnumGenerator().AsSourceGenerator()],
            additionalTexts,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    public static (GeneratorDriver Driver, Compilation Output, ImmutableArray<Diagnostic> Diagnostics) Run(string source, params AdditionalText[] additionalTexts)
    {
        var driver = CreateDriver(additionalTexts).RunGeneratorsAndUpdateCompilation(Compile(source), out var output, out var diagnostics);
        return (driver, output, diagnostics);
    }

    /// <summary>
    /// Runs the generator, then <see cref="ExtensibleEnumSpecAnalyzer"/> on its output with the same AdditionalFiles.
    /// Returns the analyzer's diagnostics; asserts the generator itself reported none.
    /// </summary>
    public static ImmutableArray<Diagnostic> SpecDiagnostics(string source, params AdditionalText[] additionalTexts)
    {
        var (_, output, generatorDiagnostics) = Run(source, additionalTexts);
        Assert.Empty(generatorDiagnostics);
        var options = new Microsoft.CodeAnalysis.Diagnostics.AnalyzerOptions([.. additionalTexts]);
        return [.. output.WithAnalyzers([new ExtensibleEnumSpecAnalyzer()], options).GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult()
            .OrderBy(d => d.Location.SourceSpan.Start)];
    }

    public static string GeneratedSource(GeneratorDriver driver, string hintName) =>
        driver.GetRunResult().Results.Single().GeneratedSources.Single(s => s.HintName == hintName).SourceText.ToString();
}

internal sealed class InMemoryAdditionalText(string path, string? text) : AdditionalText
{
    public override string Path { get; } = path;

    public override SourceText? GetText(CancellationToken cancellationToken = default) =>
        text is null ? null : SourceText.From(text, Encoding.UTF8);
}
