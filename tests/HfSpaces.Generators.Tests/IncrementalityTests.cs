using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace HfSpaces.Generators.Tests;

public sealed class IncrementalityTests
{
    private static readonly string[] TrackedSteps =
        typeof(ExtensibleEnumGenerator).Assembly.GetType("HfSpaces.Generators.TrackingNames")!
            .GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(f => (string)f.GetRawConstantValue()!)
            .ToArray();

    [Fact]
    public void An_unrelated_edit_leaves_every_step_cached_or_unchanged()
    {
        var spec = new InMemoryAdditionalText("/repo/spec/hf-spaces.openapi.json", GeneratorHarness.RealSpec);
        var compilation = GeneratorHarness.Compile(GeneratorHarness.Declarations);
        var driver = GeneratorHarness.CreateDriver(spec).RunGenerators(compilation);

        var edited = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("namespace User; public class Unrelated { public int X => 1; }"));
        var result = driver.RunGenerators(edited).GetRunResult().Results.Single();

        Assert.Equal(["AllSpecs", "Enums", "Specs", "Targets"], TrackedSteps.Order());
        foreach (var step in TrackedSteps)
        {
            Assert.True(result.TrackedSteps.ContainsKey(step), $"step {step} did not run");
            var reasons = result.TrackedSteps[step].SelectMany(s => s.Outputs).Select(o => o.Reason).ToList();
            Assert.All(reasons, reason => Assert.True(reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"step {step}: {reason}"));
        }

        Assert.All(result.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs), o => Assert.Equal(IncrementalStepRunReason.Cached, o.Reason));
    }

    [Fact]
    public void Editing_the_spec_regenerates_only_the_enum_whose_vocabulary_changed()
    {
        var spec = new InMemoryAdditionalText("/repo/spec/hf-spaces.openapi.json", GeneratorHarness.RealSpec);
        var compilation = GeneratorHarness.Compile(GeneratorHarness.Declarations);
        var driver = GeneratorHarness.CreateDriver(spec).RunGenerators(compilation);

        var edited = System.Text.Json.Nodes.JsonNode.Parse(GeneratorHarness.RealSpec)!;
        edited["components"]!["schemas"]!["SpaceHardware"]!["x-extensible-enum"]!.AsArray().Add("h200x8");
        var withNewFlavor = new InMemoryAdditionalText(spec.Path, edited.ToJsonString());
        driver = driver.ReplaceAdditionalText(spec, withNewFlavor).RunGenerators(compilation);
        var result = driver.GetRunResult().Results.Single();

        var enums = result.TrackedSteps["Enums"].SelectMany(s => s.Outputs).ToList();
        Assert.Equal(3, enums.Count);
        Assert.Equal(1, enums.Count(o => o.Reason == IncrementalStepRunReason.Modified));
        Assert.Equal(2, enums.Count(o => o.Reason == IncrementalStepRunReason.Unchanged));
        Assert.All(result.TrackedSteps["Targets"].SelectMany(s => s.Outputs), o => Assert.Equal(IncrementalStepRunReason.Cached, o.Reason));

        var hardware = GeneratorHarness.GeneratedSource(driver, "HfSpaces.SpaceHardware.g.cs");
        Assert.Contains("public const string H200x8 = \"h200x8\";", hardware, StringComparison.Ordinal);
        Assert.Contains("public static SpaceHardware H200x8 { get; } = new SpaceHardware(Values.H200x8);", hardware, StringComparison.Ordinal);
    }
}
