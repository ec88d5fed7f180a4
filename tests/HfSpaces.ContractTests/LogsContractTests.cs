using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace HfSpaces.ContractTests;

public sealed class LogsContractTests(HubServer hub) : ContractTest(hub)
{
    private const string Stream = """
        data: {"data":"===== Application Startup at 2025-03-07 12:24:18 =====\n","timestamp":"2025-03-07T12:24:18.657Z"}

        data:

        : a comment line
        data: {"data":"Running on local URL:  http://0.0.0.0:7860","timestamp":"2025-03-07T12:24:19Z"}

        data: plain text, not the JSON envelope

        """;

    private void ServeLogs(string type) =>
        Hub.Server.Given(Request.Create().WithPath($"/api/spaces/alice/demo/logs/{type}").UsingGet())
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "text/event-stream").WithBody(Stream));

    [Fact]
    public async Task StreamLogs_reads_run_logs_skipping_keep_alives_and_comments()
    {
        ServeLogs("run");

        var lines = await Client.StreamLogsAsync("alice/demo").ToListAsync();

        var request = Hub.SingleRequest();
        RequestAssert.Sent(request, "GET", "/api/spaces/alice/demo/logs/run");
        RequestAssert.Authorized(request);
        Assert.Equal("text/event-stream, application/json", RequestAssert.Header(request, "Accept"));
        Assert.Equal(
        [
            new SpaceLogLine { Text = "===== Application Startup at 2025-03-07 12:24:18 =====", Timestamp = new DateTimeOffset(2025, 3, 7, 12, 24, 18, 657, TimeSpan.Zero) },
            new SpaceLogLine { Text = "Running on local URL:  http://0.0.0.0:7860", Timestamp = new DateTimeOffset(2025, 3, 7, 12, 24, 19, TimeSpan.Zero) },
            new SpaceLogLine { Text = "plain text, not the JSON envelope", Timestamp = null },
        ], lines);
    }

    [Fact]
    public async Task StreamLogs_reads_build_logs_with_tail_in_follow_mode()
    {
        ServeLogs("build");

        var lines = await Client.StreamLogsAsync("alice/demo", new SpaceLogOptions { Type = SpaceLogType.Build, Follow = true, Tail = 50 }).ToListAsync();

        RequestAssert.Sent(Hub.SingleRequest(), "GET", "/api/spaces/alice/demo/logs/build", "tail=50");
        Assert.Equal(3, lines.Count);
    }

    [Fact]
    public async Task StreamLogs_reports_errors_when_enumerated()
    {
        Hub.Reply("GET", "/api/spaces/alice/demo/logs/run", 404, """{"error":"Repository not found"}""", ("X-Error-Code", "RepoNotFound"));

        var error = await Assert.ThrowsAsync<HfSpacesNotFoundException>(async () => await Client.StreamLogsAsync("alice/demo").ToListAsync());

        Assert.Equal("RepoNotFound", error.ErrorCode);
    }

    [Fact]
    public void StreamLogs_validates_options_before_enumeration()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Client.StreamLogsAsync("alice/demo", new SpaceLogOptions { Tail = -1 }));

        Assert.StartsWith("SpaceLogOptions.Tail cannot be negative.", error.Message, StringComparison.Ordinal);
        Assert.Empty(Hub.Requests());
    }
}
