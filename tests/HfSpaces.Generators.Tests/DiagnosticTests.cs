using Microsoft.CodeAnalysis;

namespace HfSpaces.Generators.Tests;

public sealed class DiagnosticTests
{
    [Fact]
    public void Without_a_spec_the_struct_gets_HFSG001_at_its_declaration()
    {
        var diagnostics = GeneratorHarness.SpecDiagnostics(GeneratorHarness.Declarations);

        Assert.Equal(3, diagnostics.Length);
        var first = diagnostics.First();
        Assert.Equal("HFSG001", first.Id);
        Assert.Equal(DiagnosticSeverity.Error, first.Severity);
        Assert.Equal(
            "[ExtensibleEnum(\"SpaceHardware\")] on 'SpaceHardware' needs the spec: add <AdditionalFiles Include=\"…/hf-spaces.openapi.json\" /> to the project (no *.openapi.json AdditionalFile was found)",
            first.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(3, first.Location.GetLineSpan().StartLinePosition.Line);
    }

    [Fact]
    public void An_unreadable_spec_gives_HFSG002_with_the_file_and_the_position()
    {
        var diagnostics = GeneratorHarness.SpecDiagnostics(GeneratorHarness.Declarations, new InMemoryAdditionalText("/repo/broken.openapi.json", "{\n  \"components\": {\n    \"schemas\": [1,]\n}"));

        var diagnostic = diagnostics.First();
        Assert.Equal("HFSG002", diagnostic.Id);
        Assert.Equal("The spec '/repo/broken.openapi.json' cannot be read: unexpected character at line 3, column 19", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void A_spec_file_that_cannot_be_loaded_gives_HFSG002()
    {
        var diagnostics = GeneratorHarness.SpecDiagnostics(GeneratorHarness.Declarations, new InMemoryAdditionalText("/repo/gone.openapi.json", null));

        Assert.Equal("The spec '/repo/gone.openapi.json' cannot be read: the file could not be read", diagnostics.First().GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void A_missing_vocabulary_gives_HFSG003_listing_the_available_ones()
    {
        var spec = """{"components":{"schemas":{"SpaceStage":{"type":"string","x-extensible-enum":["RUNNING"]},"Other":{"type":"object"}}}}""";

        var diagnostics = GeneratorHarness.SpecDiagnostics(
            "namespace N; [HfSpaces.ExtensibleEnum(\"SpaceHardware\")] public readonly partial struct Flavor;",
            new InMemoryAdditionalText("/repo/a.openapi.json", spec));

        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal("HFSG003", diagnostic.Id);
        Assert.Equal("[ExtensibleEnum(\"SpaceHardware\")] on 'Flavor': the spec '/repo/a.openapi.json' has no schema 'SpaceHardware' with x-extensible-enum (it has: SpaceStage)", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("""{"components":{"schemas":{"X":{"x-extensible-enum":"a"}}}}""", "components.schemas.X.x-extensible-enum must be an array of non-empty strings")]
    [InlineData("""{"components":{"schemas":{"X":{"x-extensible-enum":[]}}}}""", "components.schemas.X.x-extensible-enum lists no value")]
    [InlineData("""{"components":{"schemas":{"X":{"x-extensible-enum":["a","a"]}}}}""", "components.schemas.X.x-extensible-enum lists 'a' twice")]
    [InlineData("""{"components":{"schemas":{"X":{"x-extensible-enum":["a"],"x-extensible-enum-groups":{"G":["b"]}}}}}""", "components.schemas.X.x-extensible-enum-groups.G names 'b', which is not in x-extensible-enum")]
    [InlineData("""{"components":{"schemas":{"X":{"x-extensible-enum":["a"],"x-extensible-enum-metadata":{"b":{"n":1}}}}}}""", "components.schemas.X.x-extensible-enum-metadata describes 'b', which is not in x-extensible-enum")]
    [InlineData("""{"components":{"schemas":{"X":{"x-extensible-enum":["a","b"],"x-extensible-enum-metadata":{"a":{"n":1},"b":{"n":"one"}}}}}}""", "components.schemas.X.x-extensible-enum-metadata: 'n' mixes strings, numbers and booleans")]
    [InlineData("""{"components":{"schemas":{"X":{"x-extensible-enum":["a"],"x-extensible-enum-metadata":{"a":{"n":[1]}}}}}}""", "components.schemas.X.x-extensible-enum-metadata.a.n must be a string, a number or a boolean")]
    public void Malformed_vocabularies_are_reported_with_their_location_in_the_spec(string spec, string reason)
    {
        var document = SpecReader.Read("/s.openapi.json", spec);

        Assert.Equal(reason, document.Error);
    }

    [Fact]
    public void Metadata_properties_are_typed_from_their_values()
    {
        var spec = """{"components":{"schemas":{"X":{"x-extensible-enum":["a","b"],"x-extensible-enum-metadata":{"a":{"count":2,"ratio":0.5,"label":"A","on":true},"b":{"count":3,"ratio":1}}}}}}""";

        var (driver, output, diagnostics) = GeneratorHarness.Run("[HfSpaces.ExtensibleEnum(\"X\")] public readonly partial struct X;", new InMemoryAdditionalText("/x.openapi.json", spec));

        Assert.Empty(diagnostics);
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        var source = GeneratorHarness.GeneratedSource(driver, "X.g.cs");
        Assert.Contains("public int? Count => _value switch", source, StringComparison.Ordinal);
        Assert.Contains("public double? Ratio => _value switch", source, StringComparison.Ordinal);
        Assert.Contains("Values.B => 1d,", source, StringComparison.Ordinal);
        Assert.Contains("public string? Label => _value switch", source, StringComparison.Ordinal);
        Assert.Contains("public bool? On => _value switch", source, StringComparison.Ordinal);
    }

    [Fact]
    public void Values_that_collide_as_member_names_get_distinct_names()
    {
        var spec = """{"components":{"schemas":{"X":{"x-extensible-enum":["a-b","a_b","values","1x"]}}}}""";

        var (driver, output, diagnostics) = GeneratorHarness.Run("[HfSpaces.ExtensibleEnum(\"X\")] public readonly partial struct X;", new InMemoryAdditionalText("/x.openapi.json", spec));

        Assert.Empty(diagnostics);
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        var source = GeneratorHarness.GeneratedSource(driver, "X.g.cs");
        Assert.Contains("public const string AB = \"a-b\";", source, StringComparison.Ordinal);
        Assert.Contains("public const string AB2 = \"a_b\";", source, StringComparison.Ordinal);
        Assert.Contains("public const string ValuesValue = \"values\";", source, StringComparison.Ordinal);
        Assert.Contains("public const string V1x = \"1x\";", source, StringComparison.Ordinal);
    }
}
