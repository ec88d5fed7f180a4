using System.Collections.Immutable;
using System.Text;
using BenchmarkDotNet.Attributes;
using HfSpaces.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace HfSpaces.Benchmarks;

/// <summary>
/// The cost of HFS001–HFS003 on a large compilation (400 files, 8,000 string conversions and as many unrelated
/// statements), each run on a fresh clone so nothing is cached: compiler diagnostics alone (baseline), the analyzer
/// driver with a no-op analyzer (what any analyzer costs), and the driver with HFS001–HFS003.
/// </summary>
[MemoryDiagnoser]
public class AnalyzerBenchmarks
{
    private CSharpCompilation _compilation = null!;

    [GlobalSetup]
    public void Setup()
    {
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator)
            .Where(p => !Path.GetFileName(p).StartsWith("HfSpaces.Analyzers", StringComparison.Ordinal))
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p));
        var trees = Enumerable.Range(0, 400).Select(i => CSharpSyntaxTree.ParseText(Source(i), path: $"File{i}.cs"));
        _compilation = CSharpCompilation.Create("Large", trees, references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
    }

    private static string Source(int file)
    {
        var text = new StringBuilder("using HfSpaces; using System.Threading.Tasks;\n");
        text.Append("public static class C").Append(file).Append(" {\n");
        for (var m = 0; m < 20; m++)
        {
            text.Append("  public static async Task M").Append(m).Append("(HfSpacesClient c, SpaceId id, string s) {\n");
            text.Append("    await c.RequestHardwareAsync(id, \"").Append(m % 5 == 0 ? "a10g-smal" : "t4-small").Append("\");\n");
            text.Append("    SpaceStage stage = \"RUNNING\"; var x = s.Length + ").Append(m).Append("; _ = (stage, x);\n");
            text.Append("  }\n");
        }

        return text.Append("}\n").ToString();
    }

    [Benchmark(Baseline = true, Description = "compiler diagnostics")]
    public int Compiler() => _compilation.Clone().GetDiagnostics().Length;

    [Benchmark(Description = "compiler + a no-op analyzer")]
    public Task<int> WithNoOpAnalyzer() => Run(new NoOpAnalyzer());

    [Benchmark(Description = "compiler + HFS001-HFS003")]
    public Task<int> WithAnalyzer() => Run(new ExtensibleEnumLiteralAnalyzer());

    private async Task<int> Run(DiagnosticAnalyzer analyzer) =>
        (await _compilation.Clone().WithAnalyzers([analyzer]).GetAllDiagnosticsAsync()).Length;

    /// <summary>Registers one operation action that does nothing: the driver's own cost.</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    private sealed class NoOpAnalyzer : DiagnosticAnalyzer
    {
        private static readonly DiagnosticDescriptor Rule = new("NOOP", "no-op", "no-op", "Test", DiagnosticSeverity.Hidden, true);

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [Rule];

        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
            context.RegisterOperationAction(_ => { }, OperationKind.Conversion);
        }
    }
}
