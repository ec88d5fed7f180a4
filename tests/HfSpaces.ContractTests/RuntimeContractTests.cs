using System.Text.Json;

namespace HfSpaces.ContractTests;

public sealed class RuntimeContractTests(HubServer hub) : ContractTest(hub)
{
    private const string RuntimePath = "/api/spaces/alice/demo/runtime";

    [Fact]
    public async Task GetRuntime_sends_an_authorized_GET_and_parses_the_recorded_building_space()
    {
        Hub.Reply("GET", RuntimePath, 200, """
            {"stage":"BUILDING","hardware":{"current":null,"requested":"cpu-basic"},"storage":null,"gcTimeout":172800,"replicas":{"requested":1},"devMode":false,"domains":[{"domain":"user-tmp-test-space.hf.space","stage":"READY"}]}
            """);

        var runtime = await Client.GetRuntimeAsync("alice/demo");

        var request = Hub.SingleRequest();
        RequestAssert.Sent(request, "GET", RuntimePath);
        RequestAssert.Authorized(request);
        RequestAssert.NoBody(request);
        Assert.Equal("application/json", RequestAssert.Header(request, "Accept"));
        Assert.StartsWith("HfSpaces/", RequestAssert.Header(request, "User-Agent"), StringComparison.Ordinal);
        Assert.Equal(SpaceStage.Building, runtime.Stage);
        Assert.True(runtime.Stage.IsIntermediate);
        Assert.Null(runtime.Hardware);
        Assert.Equal(SpaceHardware.CpuBasic, runtime.RequestedHardware);
        Assert.Null(runtime.Storage);
        Assert.Equal(TimeSpan.FromHours(48), runtime.SleepTime);
        Assert.False(runtime.DevMode);
        Assert.Equal(new SpaceReplicas { Requested = 1, Current = null }, runtime.Replicas);
        Assert.Equal([new SpaceDomain { Domain = "user-tmp-test-space.hf.space", Stage = "READY" }], runtime.Domains);
        Assert.Equal(172800, runtime.Raw.GetProperty("gcTimeout").GetInt32());
    }

    [Fact]
    public async Task GetRuntime_reads_a_static_space_without_gcTimeout_or_devMode()
    {
        Hub.Reply("GET", RuntimePath, 200, """{"stage":"RUNNING","hardware":{"current":null,"requested":null},"storage":null,"replicas":{"requested":1,"current":1}}""");

        var runtime = await Client.GetRuntimeAsync("alice/demo");

        Assert.Equal(SpaceStage.Running, runtime.Stage);
        Assert.Null(runtime.Hardware);
        Assert.Null(runtime.RequestedHardware);
        Assert.Null(runtime.SleepTime);
        Assert.False(runtime.DevMode);
        Assert.Equal(new SpaceReplicas { Requested = 1, Current = 1 }, runtime.Replicas);
        Assert.Null(runtime.Volumes);
    }

    [Theory]
    [InlineData("""{"stage":"RUNNING","hardware":null}""")]
    [InlineData("""{"stage":"RUNNING"}""")]
    public async Task GetRuntime_treats_null_or_missing_hardware_as_no_hardware(string body)
    {
        Hub.Reply("GET", RuntimePath, 200, body);

        var runtime = await Client.GetRuntimeAsync("alice/demo");

        Assert.Null(runtime.Hardware);
        Assert.Null(runtime.RequestedHardware);
        Assert.Empty(runtime.Domains);
    }

    [Fact]
    public async Task GetRuntime_keeps_unknown_stage_hardware_storage_and_extra_fields()
    {
        Hub.Reply("GET", RuntimePath, 200, """
            {"stage":"HIBERNATING","hardware":{"current":"h200x8","requested":"h200x8","currentPrettyName":"Nvidia H200 x8"},"storage":"xlarge","gcTimeout":-1,"devMode":true,
             "replicas":{"requested":"auto","current":3},"errorMessage":null,"sha":"abc123","sdk":"docker","sdkVersion":"1","futureKey":{"nested":[1,2]},
             "volumes":[{"source":"openai/whisper","mountPath":"/data"},{"type":"bucket","source":"b1","mountPath":"/b","readOnly":true,"revision":"main","path":"sub"}],
             "hotReloading":{"status":"created","replicaStatuses":[["r-1","done"],["r-2",null]]}}
            """);

        var runtime = await Client.GetRuntimeAsync("alice/demo");

        Assert.Equal("HIBERNATING", runtime.Stage.ToString());
        Assert.False(runtime.Stage.IsKnown);
        Assert.False(runtime.Stage.IsIntermediate);
        Assert.Equal(new SpaceHardware("h200x8"), runtime.Hardware);
        Assert.False(runtime.Hardware!.Value.IsKnown);
        Assert.Equal("xlarge", runtime.Storage.ToString());
        Assert.Equal(Timeout.InfiniteTimeSpan, runtime.SleepTime);
        Assert.True(runtime.DevMode);
        Assert.Equal(new SpaceReplicas { Requested = null, Current = 3, IsAuto = true }, runtime.Replicas);
        Assert.Equal("abc123", runtime.Sha);
        Assert.Equal("docker", runtime.Sdk);
        Assert.Equal(
            [new SpaceVolume(SpaceVolumeType.Model, "openai/whisper", "/data"), new SpaceVolume(SpaceVolumeType.Bucket, "b1", "/b") { ReadOnly = true, Revision = "main", Path = "sub" }],
            runtime.Volumes!);
        Assert.Equal("created", runtime.HotReloading!.Status);
        Assert.Equal([new("r-1", "done"), new("r-2", null)], runtime.HotReloading.ReplicaStatuses);
        Assert.Equal(JsonValueKind.Array, runtime.Raw.GetProperty("futureKey").GetProperty("nested").ValueKind);
    }

    [Fact]
    public async Task RequestHardware_posts_only_the_flavor_when_no_sleep_time_is_given()
    {
        Hub.Reply("POST", "/api/spaces/alice/demo/hardware", 200, """{"stage":"BUILDING","hardware":{"current":"cpu-basic","requested":"t4-small"}}""");

        var runtime = await Client.RequestHardwareAsync("alice/demo", SpaceHardware.T4Small);

        var request = Hub.SingleRequest();
        RequestAssert.Sent(request, "POST", "/api/spaces/alice/demo/hardware");
        RequestAssert.Authorized(request);
        RequestAssert.JsonBody(request, """{"flavor":"t4-small"}""");
        Assert.Equal(SpaceHardware.T4Small, runtime.RequestedHardware);
        Assert.Equal(SpaceHardware.CpuBasic, runtime.Hardware);
    }

    [Fact]
    public async Task RequestHardware_sends_sleepTimeSeconds_and_unknown_flavors_unchanged()
    {
        Hub.Reply("POST", "/api/spaces/alice/demo/hardware", 200, """{"stage":"BUILDING"}""");

        await Client.RequestHardwareAsync("alice/demo", new SpaceHardware("h200x8"), TimeSpan.FromHours(1));

        RequestAssert.JsonBody(Hub.SingleRequest(), """{"flavor":"h200x8","sleepTimeSeconds":3600}""");
    }

    [Theory]
    [InlineData(3600, 3600)]
    [InlineData(-1, -1)]
    public async Task SetSleepTime_posts_seconds_with_minus_one_for_never(int seconds, int expected)
    {
        Hub.Reply("POST", "/api/spaces/alice/demo/sleeptime", 200, """{"stage":"RUNNING","gcTimeout":3600}""");
        var sleep = seconds == -1 ? Timeout.InfiniteTimeSpan : TimeSpan.FromSeconds(seconds);

        var runtime = await Client.SetSleepTimeAsync("alice/demo", sleep);

        var request = Hub.SingleRequest();
        RequestAssert.Sent(request, "POST", "/api/spaces/alice/demo/sleeptime");
        RequestAssert.JsonBody(request, $$"""{"seconds":{{expected}}}""");
        Assert.Equal(TimeSpan.FromHours(1), runtime.SleepTime);
    }

    [Fact]
    public async Task Pause_posts_without_a_body()
    {
        Hub.Reply("POST", "/api/spaces/alice/demo/pause", 200, """{"stage":"PAUSED","hardware":{"current":null,"requested":"t4-small"}}""");

        var runtime = await Client.PauseAsync("alice/demo");

        var request = Hub.SingleRequest();
        RequestAssert.Sent(request, "POST", "/api/spaces/alice/demo/pause");
        RequestAssert.Authorized(request);
        RequestAssert.NoBody(request);
        Assert.Equal(SpaceStage.Paused, runtime.Stage);
    }

    [Fact]
    public async Task Restart_sends_no_query_by_default()
    {
        Hub.Reply("POST", "/api/spaces/alice/demo/restart", 200, """{"stage":"BUILDING"}""");

        var runtime = await Client.RestartAsync("alice/demo");

        var request = Hub.SingleRequest();
        RequestAssert.Sent(request, "POST", "/api/spaces/alice/demo/restart");
        RequestAssert.NoBody(request);
        Assert.Equal(SpaceStage.Building, runtime.Stage);
    }

    [Fact]
    public async Task Restart_with_factory_reboot_sends_factory_true()
    {
        Hub.Reply("POST", "/api/spaces/alice/demo/restart", 200, """{"stage":"BUILDING"}""");

        await Client.RestartAsync("alice/demo", factoryReboot: true);

        RequestAssert.Sent(Hub.SingleRequest(), "POST", "/api/spaces/alice/demo/restart", "factory=true");
    }

    [Fact]
    public async Task Anonymous_client_sends_no_authorization_header()
    {
        using var anonymous = Hub.CreateClient(token: null);
        Hub.Reply("GET", RuntimePath, 200, """{"stage":"RUNNING"}""");

        await anonymous.GetRuntimeAsync("alice/demo");

        Assert.Null(RequestAssert.Header(Hub.SingleRequest(), "Authorization"));
    }

    [Fact]
    public async Task Non_ascii_space_names_are_percent_encoded_as_one_segment()
    {
        Hub.Reply("GET", "/api/spaces/alice/d%C3%A9mo/runtime", 200, """{"stage":"RUNNING"}""");
        Hub.Reply("GET", "/api/spaces/alice/démo/runtime", 200, """{"stage":"RUNNING"}""");

        await Client.GetRuntimeAsync("alice/démo");

        Assert.EndsWith("/runtime", Hub.SingleRequest().Path, StringComparison.Ordinal);
        Assert.Equal("/api/spaces/alice/d%C3%A9mo/runtime", new Uri(Hub.SingleRequest().AbsoluteUrl).AbsolutePath);
    }
}
