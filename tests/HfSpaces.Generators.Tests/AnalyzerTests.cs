using System.Globalization;
using HfSpaces.Analyzers;
using HfSpaces.Analyzers.CodeFixes;
using Microsoft.CodeAnalysis;

namespace HfSpaces.Generators.Tests;

public sealed class AnalyzerTests
{
    private static string Program(string body) => $$"""
        using System;
        using System.Threading.Tasks;
        using HfSpaces;

        public static class Program
        {
            private const string Flavor = "a100-largee";

            public static async Task Run(HfSpacesClient client, SpaceId id)
            {
        {{body}}
            }
        }
        """;

    private static string Message(Diagnostic d) => d.GetMessage(CultureInfo.InvariantCulture);

    [Fact]
    public async Task A_typo_in_a_hardware_argument_is_HFS001_naming_the_nearest_flavor()
    {
        var diagnostic = Assert.Single(await AnalyzerHarness.AnalyzeAsync(Program("""        await client.RequestHardwareAsync(id, "a10g-smal");""")));

        Assert.Equal(RuleIdentifiers.UnknownHardware, diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
        Assert.Equal("'a10g-smal' is not a known hardware flavor: did you mean 'a10g-small' (SpaceHardware.A10gSmall)?", Message(diagnostic));
        Assert.Equal("\"a10g-smal\"", diagnostic.Location.SourceTree!.GetText().ToString(diagnostic.Location.SourceSpan));
        Assert.Equal("Usage", diagnostic.Descriptor.Category);
        Assert.EndsWith("generators/HfSpaces.Analyzers/docs/HFS001.md", diagnostic.Descriptor.HelpLinkUri, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_case_mistake_gets_its_own_message()
    {
        var diagnostic = Assert.Single(await AnalyzerHarness.AnalyzeAsync(Program("""        await client.RequestHardwareAsync(id, "T4-Small");""")));

        Assert.Equal("'T4-Small' is not a known hardware flavor: the Hub's values are case-sensitive; did you mean 't4-small' (SpaceHardware.T4Small)?", Message(diagnostic));
    }

    [Fact]
    public async Task Stages_and_storage_tiers_have_their_own_rules()
    {
        var diagnostics = await AnalyzerHarness.AnalyzeAsync(Program("""
                    SpaceStage stage = "RUNNIGN";
                    await client.RequestStorageAsync(id, "meduim");
                    _ = stage;
            """).Replace("public static async", "[Obsolete(\"storage\")] public static async", StringComparison.Ordinal));

        Assert.Equal([RuleIdentifiers.UnknownStage, RuleIdentifiers.UnknownStorage], diagnostics.Select(d => d.Id));
        Assert.Equal("'RUNNIGN' is not a known Space stage: did you mean 'RUNNING' (SpaceStage.Running)?", Message(diagnostics[0]));
        Assert.Equal("'meduim' is not a known storage tier: did you mean 'medium' (SpaceStorage.Medium)?", Message(diagnostics[1]));
    }

    [Fact]
    public async Task Constants_and_constant_interpolations_are_checked_and_far_values_get_no_suggestion()
    {
        var diagnostics = await AnalyzerHarness.AnalyzeAsync(Program("""
                    const string size = "large";
                    await client.RequestHardwareAsync(id, Flavor);
                    await client.RequestHardwareAsync(id, $"a10g-{size}x3");
                    await client.RequestHardwareAsync(id, "quantum-computer-9000");
            """));

        Assert.Equal(3, diagnostics.Length);
        Assert.Equal("'a100-largee' is not a known hardware flavor: did you mean 'a100-large' (SpaceHardware.A100Large)?", Message(diagnostics[0]));
        Assert.Equal("'a10g-largex3' is not a known hardware flavor: did you mean 'a10g-largex2' (SpaceHardware.A10gLargex2)?", Message(diagnostics[1]));
        Assert.Equal("'quantum-computer-9000' is not a known hardware flavor: use a SpaceHardware member, or new SpaceHardware(\"quantum-computer-9000\") if the Hub added it after this SDK was built", Message(diagnostics[2]));
    }

    [Fact]
    public async Task Known_values_the_escape_hatch_and_non_constants_are_never_flagged()
    {
        var diagnostics = await AnalyzerHarness.AnalyzeAsync(Program("""
                    await client.RequestHardwareAsync(id, "t4-small");
                    await client.RequestHardwareAsync(id, SpaceHardware.A10gLarge);
                    await client.RequestHardwareAsync(id, new SpaceHardware("h200x8"));
                    var fromConfig = Environment.GetEnvironmentVariable("FLAVOR") ?? "x";
                    await client.RequestHardwareAsync(id, fromConfig);
                    SpaceHardware parsed = SpaceHardware.Parse(fromConfig);
                    string plain = "not-a-flavor-but-just-a-string";
                    _ = (parsed, plain);
            """));

        Assert.Empty(diagnostics);
    }

    [Fact]
    public async Task Properties_and_object_initializers_are_checked_too()
    {
        var diagnostics = await AnalyzerHarness.AnalyzeAsync(Program("""
                    var options = new DuplicateSpaceOptions { Hardware = "t4-smal", Storage = "smal" };
                    _ = options;
            """));

        Assert.Equal([RuleIdentifiers.UnknownHardware, RuleIdentifiers.UnknownStorage], diagnostics.Select(d => d.Id));
    }

    [Fact]
    public async Task Without_the_sdk_the_analyzer_does_nothing()
    {
        var diagnostics = await AnalyzerHarness.AnalyzeAsync("""
            namespace Other { public readonly struct SpaceHardware { public static implicit operator SpaceHardware(string s) => default; } }
            public static class P { public static void M() { Other.SpaceHardware h = "a10g-smal"; _ = h; } }
            """);

        Assert.Empty(diagnostics);
    }

    [Fact]
    public async Task The_fix_replaces_the_literal_with_the_member()
    {
        var fixedSource = await AnalyzerHarness.FixAsync(Program("""        await client.RequestHardwareAsync(id, "a10g-smal");"""), ExtensibleEnumLiteralCodeFix.UseMemberKey);

        Assert.Contains("await client.RequestHardwareAsync(id, SpaceHardware.A10gSmall);", fixedSource, StringComparison.Ordinal);
        Assert.Empty(await AnalyzerHarness.AnalyzeAsync(fixedSource));
    }

    [Fact]
    public async Task The_second_fix_keeps_the_value_through_the_escape_hatch()
    {
        var fixedSource = await AnalyzerHarness.FixAsync(Program("""        await client.RequestHardwareAsync(id, "h200x8");"""), ExtensibleEnumLiteralCodeFix.KeepValueKey);

        Assert.Contains("await client.RequestHardwareAsync(id, new SpaceHardware(\"h200x8\"));", fixedSource, StringComparison.Ordinal);
        Assert.Empty(await AnalyzerHarness.AnalyzeAsync(fixedSource));
    }

    [Fact]
    public async Task Both_fixes_are_offered_when_there_is_a_suggestion_and_only_the_escape_hatch_otherwise()
    {
        Assert.Equal(
            ["Use SpaceHardware.A10gSmall", "Keep \"a10g-smal\" as a value this SDK does not know (new SpaceHardware(\"…\"))"],
            await AnalyzerHarness.FixTitlesAsync(Program("""        await client.RequestHardwareAsync(id, "a10g-smal");""")));
        Assert.Equal(
            ["Keep \"quantum-computer-9000\" as a value this SDK does not know (new SpaceHardware(\"…\"))"],
            await AnalyzerHarness.FixTitlesAsync(Program("""        await client.RequestHardwareAsync(id, "quantum-computer-9000");""")));
    }

    [Fact]
    public async Task Fix_all_replaces_every_literal_in_the_document()
    {
        var source = Program("""
                    await client.RequestHardwareAsync(id, "a10g-smal");
                    await client.RequestHardwareAsync(id, "T4-SMALL");
                    SpaceStage stage = "PAUSDE";
                    _ = stage;
            """);

        var fixedSource = await AnalyzerHarness.FixAllAsync(source, ExtensibleEnumLiteralCodeFix.UseMemberKey);

        Assert.Contains("await client.RequestHardwareAsync(id, SpaceHardware.A10gSmall);", fixedSource, StringComparison.Ordinal);
        Assert.Contains("await client.RequestHardwareAsync(id, SpaceHardware.T4Small);", fixedSource, StringComparison.Ordinal);
        Assert.Contains("SpaceStage stage = SpaceStage.Paused;", fixedSource, StringComparison.Ordinal);
        Assert.Empty(await AnalyzerHarness.AnalyzeAsync(fixedSource));
    }

    [Fact]
    public async Task Every_extensible_enum_is_found_by_its_marker_and_others_are_HFS005()
    {
        var diagnostics = await AnalyzerHarness.AnalyzeAsync(Program("""
                    await client.CreateSpaceAsync(id, new CreateSpaceOptions { Sdk = "gradoi", Visibility = "privat" });
                    SpaceVolumeType type = "bukcet";
                    SpaceLogType log = "biuld";
                    SpaceSdk ok = "docker";
                    _ = (type, log, ok);
            """));

        Assert.Equal([RuleIdentifiers.UnknownValue, RuleIdentifiers.UnknownValue, RuleIdentifiers.UnknownValue, RuleIdentifiers.UnknownValue], diagnostics.Select(d => d.Id));
        Assert.Equal(
            [
                "'gradoi' is not a known SpaceSdk value: did you mean 'gradio' (SpaceSdk.Gradio)?",
                "'privat' is not a known SpaceVisibility value: did you mean 'private' (SpaceVisibility.Private)?",
                "'bukcet' is not a known SpaceVolumeType value: did you mean 'bucket' (SpaceVolumeType.Bucket)?",
                "'biuld' is not a known SpaceLogType value: did you mean 'build' (SpaceLogType.Build)?",
            ],
            diagnostics.Select(Message));
        Assert.EndsWith("generators/HfSpaces.Analyzers/docs/HFS005.md", diagnostics[0].Descriptor.HelpLinkUri, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_member_fix_works_for_every_vocabulary()
    {
        var fixedSource = await AnalyzerHarness.FixAsync(Program("""        SpaceSdk sdk = "gradoi"; _ = sdk;"""), ExtensibleEnumLiteralCodeFix.UseMemberKey);

        Assert.Contains("SpaceSdk sdk = SpaceSdk.Gradio;", fixedSource, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Null_in_a_conditional_is_HFS004_and_the_fix_makes_it_a_nullable_null()
    {
        var source = Program("""
                    var gpu = Environment.GetEnvironmentVariable("GPU") is not null;
                    SpaceHardware? hardware = gpu ? SpaceHardware.T4Small : null;
                    _ = hardware;
            """);

        var diagnostic = Assert.Single(await AnalyzerHarness.AnalyzeAsync(source));
        Assert.Equal(RuleIdentifiers.NullValue, diagnostic.Id);
        Assert.Equal("null is converted to SpaceHardware, which cannot hold null: the conversion throws ArgumentNullException at run time. Use (SpaceHardware?)null for 'no value'.", Message(diagnostic));
        Assert.Equal("null", diagnostic.Location.SourceTree!.GetText().ToString(diagnostic.Location.SourceSpan));

        var fixedSource = await AnalyzerHarness.FixAsync(source, NullExtensibleEnumCodeFix.UseNullableKey, new NullExtensibleEnumCodeFix());
        Assert.Contains("SpaceHardware? hardware = gpu ? SpaceHardware.T4Small : (SpaceHardware?)null;", fixedSource, StringComparison.Ordinal);
        Assert.Empty(await AnalyzerHarness.AnalyzeAsync(fixedSource));
    }

    [Fact]
    public async Task Null_where_a_non_nullable_is_needed_is_HFS004_without_a_fix()
    {
        var source = Program("""
                    var gpu = Environment.GetEnvironmentVariable("GPU") is not null;
                    await client.RequestHardwareAsync(id, gpu ? SpaceHardware.T4Small : null);
            """);

        var diagnostic = Assert.Single(await AnalyzerHarness.AnalyzeAsync(source));

        Assert.Equal(RuleIdentifiers.NullValue, diagnostic.Id);
        Assert.False(diagnostic.Properties.ContainsKey(DiagnosticProperties.NullableTarget));
    }

    [Fact]
    public async Task A_string_that_may_be_null_is_HFS004_and_a_checked_one_is_not()
    {
        var diagnostics = await AnalyzerHarness.AnalyzeAsync(Program("""
                    var flavor = Environment.GetEnvironmentVariable("FLAVOR");
                    await client.RequestHardwareAsync(id, flavor!);
                    SpaceHardware maybe = Environment.GetEnvironmentVariable("OTHER");
                    if (flavor is not null)
                    {
                        await client.RequestHardwareAsync(id, flavor);
                    }

                    _ = maybe;
            """));

        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal("'Environment.GetEnvironmentVariable(\"OTHER\")' may be null here and is converted to SpaceHardware, which cannot hold null: the conversion throws ArgumentNullException at run time. Check it for null first, or use SpaceHardware.TryParse.", Message(diagnostic));
    }
}
