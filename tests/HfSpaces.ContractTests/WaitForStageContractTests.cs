using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace HfSpaces.ContractTests;

public sealed class WaitForStageContractTests(HubServer hub) : ContractTest(hub)
{
    private const string RuntimePath = "/api/spaces/alice/demo/runtime";
    private static readonly WaitForStageOptions Fast = new() { PollInterval = TimeSpan.FromMilliseconds(5), MaxPollInterval = TimeSpan.FromMilliseconds(20), Timeout = TimeSpan.FromSeconds(20) };

    private const string BuildLogPath = "/api/spaces/alice/demo/logs/build";

    /// <summary>Each GET of the runtime answers the next stage; the last one repeats. The build log has one line and ends.</summary>
    private void ServeStages(params string[] stages) => ServeStages(holdLastUntilBuildLog: false, stages);

    /// <summary>
    /// With <paramref name="holdLastUntilBuildLog"/>, the last stage is answered only once the build log was requested and
    /// answered: the wait opens the log beside its polls, and which comes first is otherwise up to the machine's load.
    /// </summary>
    private void ServeStages(bool holdLastUntilBuildLog, params string[] stages)
    {
        Hub.Server.Given(Request.Create().WithPath(BuildLogPath).UsingGet())
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "text/event-stream")
                .WithBody("data: {\"data\":\"Successfully built\\n\",\"timestamp\":\"2025-03-07T12:24:18.657Z\"}\n\n"));

        for (var i = 0; i < stages.Length; i++)
        {
            var request = Request.Create().WithPath(RuntimePath).UsingGet();
            var body = $$$"""{"stage":"{{{stages[i]}}}","hardware":{"current":"t4-small","requested":"t4-small"}}""";
            var response = holdLastUntilBuildLog && i == stages.Length - 1
                ? Response.Create().WithCallback(_ =>
                {
                    SpinWait.SpinUntil(() => Hub.Server.LogEntries.Any(e => e.RequestMessage?.Path == BuildLogPath), TimeSpan.FromSeconds(10));
                    return new WireMock.ResponseMessage
                    {
                        StatusCode = 200,
                        Headers = new Dictionary<string, WireMock.Types.WireMockList<string>> { ["Content-Type"] = new("application/json") },
                        BodyData = new WireMock.Util.BodyData { BodyAsString = body, DetectedBodyType = WireMock.Types.BodyType.String },
                    };
                })
                : Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody(body);
            var step = Hub.Server.Given(request).InScenario("stages");
            step = i == 0 ? step : step.WhenStateIs($"s{i}");
            if (i < stages.Length - 1)
            {
                step.WillSetStateTo($"s{i + 1}").RespondWith(response);
            }
            else
            {
                step.RespondWith(response);
            }
        }
    }

    [Fact]
    public async Task WaitForStage_polls_through_intermediate_stages_and_reports_each_one()
    {
        ServeStages("BUILDING", "RUNNING_BUILDING", "APP_STARTING", "RUNNING_APP_STARTING", "RUNNING");
        var seen = new List<SpaceStage>();

        var runtime = await Client.WaitForStageAsync("alice/demo", new WaitForStageOptions
        {
            PollInterval = Fast.PollInterval,
            MaxPollInterval = Fast.MaxPollInterval,
            Timeout = Fast.Timeout,
            Progress = new SynchronousProgress(r => seen.Add(r.Stage)),
        });

        Assert.Equal(SpaceStage.Running, runtime.Stage);
        Assert.Equal([SpaceStage.Building, SpaceStage.RunningBuilding, SpaceStage.AppStarting, SpaceStage.RunningAppStarting, SpaceStage.Running], seen);
        // The build log is followed (from its end: tail=0) once, alongside the reads (which may reach the server before
        // it); it ended at once, so it is not opened again.
        var requests = Hub.Requests();
        Assert.Equal(6, requests.Count);
        RequestAssert.Sent(requests[0], "GET", RuntimePath);
        RequestAssert.Sent(Assert.Single(requests, r => r.Path == BuildLogPath), "GET", BuildLogPath, "tail=0");
        Assert.All(requests.Where(r => r.Path != BuildLogPath), r => RequestAssert.Sent(r, "GET", RuntimePath));
    }

    [Theory]
    [InlineData("BUILD_ERROR")]
    [InlineData("PAUSED")]
    [InlineData("SLEEPING")]
    [InlineData("SOME_FUTURE_STAGE")]
    public async Task WaitForStage_returns_on_any_non_intermediate_stage_including_unknown_ones(string stage)
    {
        ServeStages(holdLastUntilBuildLog: true, "BUILDING", stage);

        var runtime = await Client.WaitForStageAsync("alice/demo", Fast);

        Assert.Equal(stage, runtime.Stage.ToString());
        Assert.Equal([BuildLogPath, RuntimePath, RuntimePath], Hub.Requests().Select(r => r.Path).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task WaitForStage_times_out_with_the_last_runtime()
    {
        ServeStages("BUILDING");

        var error = await Assert.ThrowsAsync<SpaceWaitTimeoutException>(() => Client.WaitForStageAsync("alice/demo", new WaitForStageOptions
        {
            WatchBuildLog = false,
            PollInterval = TimeSpan.FromMilliseconds(10),
            MaxPollInterval = TimeSpan.FromMilliseconds(10),
            Timeout = TimeSpan.FromMilliseconds(1500),
        }));

        Assert.Equal(SpaceStage.Building, error.LastRuntime.Stage);
        Assert.Equal("Space alice/demo was still BUILDING after 1.5 s.", error.Message);
        Assert.True(Hub.Requests().Count >= 2);
    }

    [Fact]
    public async Task WaitForStage_rejects_a_non_positive_timeout_before_polling()
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Client.WaitForStageAsync("alice/demo", new WaitForStageOptions { Timeout = TimeSpan.Zero }));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Client.WaitForStageAsync("alice/demo", new WaitForStageOptions { PollInterval = TimeSpan.Zero }));
        Assert.Empty(Hub.Requests());
    }

    private sealed class SynchronousProgress(Action<SpaceRuntime> report) : IProgress<SpaceRuntime>
    {
        public void Report(SpaceRuntime value) => report(value);
    }
}
