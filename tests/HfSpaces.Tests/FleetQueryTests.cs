namespace HfSpaces.Tests;

public sealed class FleetQueryTests
{
    [Theory]
    [InlineData("a10g-*", "a10g-small", true)]
    [InlineData("a10g-*", "a10g-largex2", true)]
    [InlineData("a10g-*", "a100-large", false)]
    [InlineData("*-small", "t4-small", true)]
    [InlineData("t4-?????", "t4-small", true)]
    [InlineData("t4-????", "t4-small", false)]
    [InlineData("*", "", true)]
    [InlineData("demo-*-eu", "demo-chat-eu", true)]
    [InlineData("demo-*-eu", "demo-chat-us", false)]
    [InlineData("DEMO-*", "demo-1", true)]
    public void Glob_patterns_match_the_whole_name_ignoring_case(string pattern, string text, bool matches) =>
        Assert.Equal(matches, FleetQuery.Glob(pattern, text));

    [Fact]
    public void Stage_and_hardware_filters_need_a_runtime()
    {
        var query = new FleetQuery { Author = "acme", Stages = [SpaceStage.Running], Hardware = "t4-*" };
        var withRuntime = new SpaceInfo { Id = "acme/a", Runtime = new SpaceRuntime { Stage = SpaceStage.Running, Hardware = SpaceHardware.T4Small } };
        var requested = new SpaceInfo { Id = "acme/b", Runtime = new SpaceRuntime { Stage = SpaceStage.Running, Hardware = SpaceHardware.CpuBasic, RequestedHardware = SpaceHardware.T4Medium } };
        var paused = new SpaceInfo { Id = "acme/c", Runtime = new SpaceRuntime { Stage = SpaceStage.Paused, RequestedHardware = SpaceHardware.T4Small } };
        var none = new SpaceInfo { Id = "acme/d" };

        Assert.Equal([true, true, false, false], new[] { withRuntime, requested, paused, none }.Select(query.Matches));
    }
}
