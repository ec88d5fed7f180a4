using Microsoft.CodeAnalysis;

namespace HfSpaces.Generators.Tests;

/// <summary>
/// The generated code for the real spec, compared with Golden/*.g.cs. After an intended change (a new value in the
/// spec, a generator change), run the tests with HFSPACES_UPDATE_GOLDEN=1 and review the diff of Golden/.
/// </summary>
public sealed class GoldenFileTests
{
    [Theory]
    [InlineData("HfSpaces.SpaceHardware.g.cs")]
    [InlineData("HfSpaces.SpaceStage.g.cs")]
    [InlineData("HfSpaces.SpaceStorage.g.cs")]
    [InlineData("ExtensibleEnumAttribute.g.cs")]
    [InlineData("ExtensibleEnumText.g.cs")]
    [InlineData("ValueSuggestions.g.cs")]
    public void Generated_code_matches_the_golden_file(string hintName)
    {
        var (driver, _, _) = GeneratorHarness.Run(GeneratorHarness.Declarations, new InMemoryAdditionalText("/repo/spec/hf-spaces.openapi.json", GeneratorHarness.RealSpec));

        var actual = GeneratorHarness.GeneratedSource(driver, hintName).ReplaceLineEndings("\n");
        var goldenPath = Path.Combine(SourceDirectory(), "Golden", hintName);
        if (Environment.GetEnvironmentVariable("HFSPACES_UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(goldenPath, actual);
        }

        Assert.True(File.Exists(goldenPath), $"Missing golden file {goldenPath}: run the tests with HFSPACES_UPDATE_GOLDEN=1.");
        Assert.Equal(File.ReadAllText(goldenPath).ReplaceLineEndings("\n"), actual);
    }

    [Fact]
    public void Generated_code_compiles_without_warnings()
    {
        var (_, output, diagnostics) = GeneratorHarness.Run(GeneratorHarness.Declarations, new InMemoryAdditionalText("/repo/spec/hf-spaces.openapi.json", GeneratorHarness.RealSpec));

        Assert.Empty(diagnostics);
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
    }

    private static string SourceDirectory([System.Runtime.CompilerServices.CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;
}
