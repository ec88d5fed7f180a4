using System.Text.Json;
using System.Text.Json.Nodes;

namespace HfSpaces.Tests;

public sealed class ExtensibleEnumTests
{
    [Fact]
    public void Known_values_match_the_spec_exactly_and_in_order()
    {
        var spec = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "spec", "hf-spaces.openapi.json")))!;
        string[] Vocabulary(string schema) =>
            spec["components"]!["schemas"]![schema]!["x-extensible-enum"]!.AsArray().Select(v => v!.GetValue<string>()).ToArray();

        Assert.Equal(Vocabulary("SpaceHardware"), SpaceHardware.KnownValues.Select(v => v.ToString()));
        Assert.Equal(Vocabulary("SpaceStage"), SpaceStage.KnownValues.Select(v => v.ToString()));
        Assert.Equal(Vocabulary("SpaceStorage"), SpaceStorage.KnownValues.Select(v => v.ToString()));
        Assert.Equal(Vocabulary("SpaceVisibility"), SpaceVisibility.KnownValues.Select(v => v.ToString()));
        Assert.Equal(Vocabulary("SpaceVolumeType"), SpaceVolumeType.KnownValues.Select(v => v.ToString()));
    }

    [Fact]
    public void Members_carry_the_wire_values()
    {
        Assert.Equal("cpu-basic", SpaceHardware.CpuBasic.ToString());
        Assert.Equal("a10g-largex2", SpaceHardware.A10gLargex2.ToString());
        Assert.Equal("l40sx1", SpaceHardware.L40sx1.ToString());
        Assert.Equal("a100x8", SpaceHardware.Values.A100x8);
        Assert.Equal("RUNNING_APP_STARTING", SpaceStage.RunningAppStarting.ToString());
        Assert.Equal("NO_APP_FILE", SpaceStage.Values.NoAppFile);
    }

    [Fact]
    public void Hardware_carries_the_spec_metadata_for_known_flavors_only()
    {
        Assert.Equal(("T4", 1, 16, 4, 15, 0.40), (SpaceHardware.T4Small.Accelerator, SpaceHardware.T4Small.AcceleratorCount, SpaceHardware.T4Small.VramGb, SpaceHardware.T4Small.Vcpu, SpaceHardware.T4Small.RamGb, SpaceHardware.T4Small.PricePerHourUsd));
        Assert.Equal((null, 0, 0), (SpaceHardware.CpuBasic.Accelerator, SpaceHardware.CpuBasic.AcceleratorCount, SpaceHardware.CpuBasic.VramGb));
        Assert.Null(SpaceHardware.ZeroA10g.Vcpu);
        Assert.Equal(640, SpaceHardware.A100x8.VramGb);
        var future = new SpaceHardware("h200x8");
        Assert.Equal((null, null, null), (future.Accelerator, future.VramGb, future.PricePerHourUsd));
    }

    [Fact]
    public void A_flavor_can_be_picked_by_need_without_a_network_call()
    {
        var cheapestWith40Gb = SpaceHardware.KnownValues
            .Where(h => h.VramGb >= 40 && h.PricePerHourUsd > 0)
            .MinBy(h => h.PricePerHourUsd);

        Assert.Equal(SpaceHardware.L40sx1, cheapestWith40Gb);
    }

    [Fact]
    public void Unknown_values_are_kept_and_compared_ordinally()
    {
        var future = new SpaceHardware("h200x8");

        Assert.False(future.IsKnown);
        Assert.Equal("h200x8", future.ToString());
        Assert.Equal(future, (SpaceHardware)"h200x8");
        Assert.NotEqual(SpaceHardware.T4Small, new SpaceHardware("T4-SMALL"));
        Assert.True(SpaceHardware.T4Small == "t4-small");
        Assert.Equal(SpaceHardware.T4Small.GetHashCode(), new SpaceHardware("t4-small").GetHashCode());
    }

    [Fact]
    public void Default_is_safe()
    {
        var none = default(SpaceStage);

        Assert.Equal(string.Empty, none.ToString());
        Assert.False(none.IsKnown);
        Assert.False(none.IsIntermediate);
        Assert.Equal(0, none.GetHashCode());
        Assert.NotEqual(SpaceStage.Running, none);
    }

    [Fact]
    public void Intermediate_group_comes_from_the_spec()
    {
        Assert.Equal([SpaceStage.Building, SpaceStage.RunningBuilding, SpaceStage.AppStarting, SpaceStage.RunningAppStarting], SpaceStage.IntermediateValues);
        Assert.True(SpaceStage.AppStarting.IsIntermediate);
        Assert.False(SpaceStage.Running.IsIntermediate);
        Assert.False(new SpaceStage("HIBERNATING").IsIntermediate);
    }

    [Fact]
    public void TryParse_finds_known_values_ignoring_case_and_returns_the_canonical_spelling()
    {
        Assert.True(SpaceHardware.TryParse("T4-Small", out var parsed));
        Assert.Equal("t4-small", parsed.ToString());
        Assert.False(SpaceHardware.TryParse("h200x8", out _));
        Assert.False(SpaceHardware.TryParse(null, out _));
    }

    [Fact]
    public void Parse_of_a_typo_suggests_the_nearest_value_and_the_escape_hatch()
    {
        var error = Assert.Throws<ArgumentException>(() => SpaceHardware.Parse("a10g-smal"));

        Assert.StartsWith(
            "'a10g-smal' is not a known SpaceHardware value. Did you mean 'a10g-small'? Known values: cpu-basic, cpu-upgrade, zero-a10g,",
            error.Message,
            StringComparison.Ordinal);
        Assert.Contains("To send a value this SDK does not know yet, use new SpaceHardware(\"…\").", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_of_something_unlike_any_value_makes_no_suggestion()
    {
        var error = Assert.Throws<ArgumentException>(() => SpaceStorage.Parse("enormous-tier"));

        Assert.StartsWith("'enormous-tier' is not a known SpaceStorage value. Known values: small, medium, large.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_rejects_null_and_empty()
    {
        Assert.Throws<ArgumentNullException>(() => new SpaceHardware(null!));
        var error = Assert.Throws<ArgumentException>(() => new SpaceHardware(string.Empty));
        Assert.StartsWith("A SpaceHardware value cannot be empty.", error.Message, StringComparison.Ordinal);
    }

    private sealed record Holder(SpaceHardware Hardware, SpaceStage? Stage, Dictionary<SpaceStorage, int> Tiers);

    [Fact]
    public void System_Text_Json_round_trips_known_and_unknown_values()
    {
        var json = """{"Hardware":"h200x8","Stage":"RUNNING","Tiers":{"small":1,"xxl":2}}""";

        var holder = JsonSerializer.Deserialize<Holder>(json)!;

        Assert.Equal(new SpaceHardware("h200x8"), holder.Hardware);
        Assert.Equal(SpaceStage.Running, holder.Stage);
        Assert.Equal(2, holder.Tiers[new SpaceStorage("xxl")]);
        Assert.Equal(json, JsonSerializer.Serialize(holder));
    }

    [Fact]
    public void System_Text_Json_rejects_a_non_string_with_a_clear_message()
    {
        var error = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<SpaceHardware>("42"));

        Assert.StartsWith("A SpaceHardware must be a JSON string, not Number.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_readme_picks_the_cheapest_paid_flavor_with_40_GB_of_vram_as_it_says()
    {
        // README "Hardware, stages and storage tiers never break": the comment says L40sx1.
        var gpu = SpaceHardware.KnownValues.Where(h => h.VramGb >= 40 && h.PricePerHourUsd > 0).MinBy(h => h.PricePerHourUsd);

        Assert.Equal(SpaceHardware.L40sx1, gpu);
    }
}
