using System.Net;
using HfSpaces.Emulator.Hosting;
using HfSpaces.Emulator.State;

namespace HfSpaces.Emulator.Tests;

/// <summary>The SDK against the emulator over HTTP: two independent readings of the spec that must agree.</summary>
public sealed class SdkOnEmulatorTests : IAsyncLifetime
{
    private const string Token = "hf_alice_emulator";
    private HfSpacesEmulator _emulator = null!;
    private HfSpacesClient _client = null!;

    public async Task InitializeAsync()
    {
        _emulator = await HfSpacesEmulator.StartAsync(new EmulatorOptions
        {
            Timings = new StageTimings(TimeSpan.FromMilliseconds(60), TimeSpan.FromMilliseconds(40)),
            Accounts = new Dictionary<string, string> { ["alice"] = Token, ["bob"] = "hf_bob" },
            Spaces = [new SpaceSeed("alice/demo"), new SpaceSeed("alice/site", Sdk: "static")],
        });
        _client = Client(Token);
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _emulator.DisposeAsync();
    }

    private HfSpacesClient Client(string? token, int maxRetries = 0) =>
        new(new HfSpacesClientOptions { Endpoint = _emulator.Endpoint, Token = token, UseImplicitToken = false, MaxRetries = maxRetries, RetryDelay = TimeSpan.FromMilliseconds(1) });

    private static readonly WaitForStageOptions Wait = new() { PollInterval = TimeSpan.FromMilliseconds(10), MaxPollInterval = TimeSpan.FromMilliseconds(20), Timeout = TimeSpan.FromSeconds(10) };

    [Fact]
    public async Task A_full_lifecycle_through_the_sdk()
    {
        var initial = await _client.GetRuntimeAsync("alice/demo");
        Assert.Equal((SpaceStage.Running, SpaceHardware.CpuBasic, TimeSpan.FromHours(48)), (initial.Stage, initial.Hardware, initial.SleepTime));

        var requested = await _client.RequestHardwareAsync("alice/demo", SpaceHardware.T4Small, TimeSpan.FromHours(1));
        Assert.Equal((SpaceStage.RunningBuilding, SpaceHardware.CpuBasic, SpaceHardware.T4Small), (requested.Stage, requested.Hardware, requested.RequestedHardware));

        var stages = new List<SpaceStage>();
        var running = await _client.WaitForStageAsync("alice/demo", new WaitForStageOptions
        {
            PollInterval = Wait.PollInterval, MaxPollInterval = Wait.MaxPollInterval, Timeout = Wait.Timeout,
            Progress = new Progress(r => stages.Add(r.Stage)),
        });
        Assert.Equal((SpaceStage.Running, SpaceHardware.T4Small, TimeSpan.FromHours(1)), (running.Stage, running.Hardware, running.SleepTime));
        // Every read reaches Progress, in the Hub's order; which intermediate stages a poll lands on depends on timing
        // (a loaded machine can step over the 40 ms app start), so only the order is asserted.
        SpaceStage[] order = [SpaceStage.RunningBuilding, SpaceStage.RunningAppStarting, SpaceStage.Running];
        Assert.Equal(SpaceStage.Running, stages[^1]);
        Assert.Equal(stages.OrderBy(s => Array.IndexOf(order, s)), stages);
        Assert.DoesNotContain(-1, stages.Select(s => Array.IndexOf(order, s)));

        Assert.Equal(TimeSpan.FromHours(2), (await _client.SetSleepTimeAsync("alice/demo", TimeSpan.FromHours(2))).SleepTime);
        Assert.Null((await _client.SetSleepTimeAsync("alice/demo", Timeout.InfiniteTimeSpan)).SleepTime);

        await _client.SetSecretAsync("alice/demo", "API_KEY", "sk-secret", "chat");
        Assert.Equal("sk-secret", _emulator.Hub.SecretValue("alice/demo", "API_KEY"));
        Assert.Equal("chat", (await _client.ListSecretsAsync("alice/demo"))["API_KEY"].Description);
        Assert.Equal("gpt2", (await _client.SetVariableAsync("alice/demo", "MODEL", "gpt2"))["MODEL"].Value);
        Assert.Empty(await _client.DeleteVariableAsync("alice/demo", "MODEL"));
        await _client.DeleteSecretAsync("alice/demo", "API_KEY");
        Assert.Empty(await _client.ListSecretsAsync("alice/demo"));

        Assert.Equal(SpaceStage.Paused, (await _client.PauseAsync("alice/demo")).Stage);
        Assert.Equal(SpaceStage.Building, (await _client.RestartAsync("alice/demo", factoryReboot: true)).Stage); // from PAUSED: nothing serving
        Assert.Equal(SpaceStage.Running, (await _client.WaitForStageAsync("alice/demo", Wait)).Stage);
        Assert.Contains(_emulator.Requests, r => r.Path == "/api/spaces/alice/demo/restart" && r.Query == "factory=true");

        Assert.True((await _client.SetDevModeAsync("alice/demo", true)).DevMode);
        await _client.SetVolumesAsync("alice/demo", [new SpaceVolume(SpaceVolumeType.Model, "openai/whisper", "/data") { ReadOnly = true }]);
        Assert.Equal([new SpaceVolume(SpaceVolumeType.Model, "openai/whisper", "/data") { ReadOnly = true }], (await _client.GetRuntimeAsync("alice/demo")).Volumes!);
        await _client.DeleteVolumesAsync("alice/demo");

        var copy = await _client.DuplicateAsync("alice/demo", "demo-copy", new DuplicateSpaceOptions { Visibility = SpaceVisibility.Private, Hardware = SpaceHardware.CpuUpgrade });
        Assert.Equal(new SpaceDuplicate { Id = "alice/demo-copy", Url = new Uri(_emulator.Endpoint, "spaces/alice/demo-copy"), AlreadyExisted = false }, copy);
        var again = await _client.DuplicateAsync("alice/demo", "alice/demo-copy", new DuplicateSpaceOptions { ExistOk = true });
        Assert.True(again.AlreadyExisted);

        var build = await _client.StreamLogsAsync("alice/demo", new SpaceLogOptions { Type = SpaceLogType.Build }).ToListAsync();
        var head = _emulator.Hub.HeadCommit("alice/demo");
        Assert.Contains(build, l => l.Text == $"Requested hardware t4-small: building {head[..7]} for t4-small" && l.Timestamp is not null);
        var tail = await _client.StreamLogsAsync("alice/demo", new SpaceLogOptions { Tail = 1 }).ToListAsync();
        Assert.Single(tail);
    }

    [Fact]
    public async Task Waiting_on_a_build_that_takes_too_long_times_out_with_the_last_stage()
    {
        _emulator.Hub.Timings = new StageTimings(TimeSpan.FromMinutes(5), TimeSpan.Zero);
        await _client.RequestHardwareAsync("alice/demo", SpaceHardware.A10gSmall);

        var error = await Assert.ThrowsAsync<SpaceWaitTimeoutException>(() => _client.WaitForStageAsync("alice/demo", new WaitForStageOptions
        {
            PollInterval = TimeSpan.FromMilliseconds(20),
            MaxPollInterval = TimeSpan.FromMilliseconds(50),
            Timeout = TimeSpan.FromMilliseconds(1500),
        }));

        Assert.Equal((SpaceStage.RunningBuilding, SpaceHardware.A10gSmall), (error.LastRuntime.Stage, error.LastRuntime.RequestedHardware));
        Assert.True(_emulator.Requests.Count(r => r.Path.EndsWith("/runtime", StringComparison.Ordinal)) >= 2);
    }

    [Fact]
    public async Task Errors_from_the_emulator_map_to_the_sdk_exceptions()
    {
        using var anonymous = Client(null);
        using var bob = Client("hf_bob");
        using var wrong = Client("hf_wrong");

        var unauthorized = await Assert.ThrowsAsync<HfSpacesUnauthorizedException>(() => anonymous.PauseAsync("alice/demo"));
        var forbidden = await Assert.ThrowsAsync<HfSpacesForbiddenException>(() => bob.PauseAsync("alice/demo"));
        var missing = await Assert.ThrowsAsync<HfSpacesNotFoundException>(() => _client.GetRuntimeAsync("alice/nope"));
        var badToken = await Assert.ThrowsAsync<HfSpacesUnauthorizedException>(() => wrong.GetRuntimeAsync("alice/demo"));
        var staticPause = await Assert.ThrowsAsync<HfSpacesException>(() => _client.PauseAsync("alice/site"));
        var badFlavor = await Assert.ThrowsAsync<HfSpacesException>(() => _client.RequestHardwareAsync("alice/demo", new SpaceHardware("h999")));

        Assert.StartsWith("POST /api/spaces/alice/demo/pause answered 401 Unauthorized", unauthorized.Message, StringComparison.Ordinal);
        Assert.Equal("You don't have the rights to pause alice/demo: only its owner can", forbidden.ServerMessage);
        Assert.Equal("RepoNotFound", missing.ErrorCode);
        Assert.Equal("Invalid credentials in Authorization header", badToken.ServerMessage);
        Assert.Equal((HttpStatusCode.BadRequest, "Cannot pause a static Space"), (staticPause.StatusCode, staticPause.ServerMessage));
        Assert.StartsWith("Invalid hardware flavor 'h999'", badFlavor.ServerMessage, StringComparison.Ordinal);
        Assert.All([unauthorized, forbidden, missing, badToken, staticPause, badFlavor], e => Assert.StartsWith("Root=1-emulator-", e.RequestId, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Injected_faults_exercise_the_retry_policy()
    {
        using var retrying = Client(Token, maxRetries: 2);
        _emulator.AddFault(new FaultRule { Method = "GET", PathPattern = "/api/spaces/alice/demo/runtime", Status = 503, Times = 2 });

        var runtime = await retrying.GetRuntimeAsync("alice/demo");

        Assert.Equal(SpaceStage.Running, runtime.Stage);
        Assert.Equal([503, 503, 200], _emulator.Requests.Where(r => r.Path.EndsWith("/runtime", StringComparison.Ordinal)).Select(r => r.Status));
    }

    [Fact]
    public async Task Injected_malformed_bodies_and_rate_limits_are_typed_errors()
    {
        _emulator.AddFault(new FaultRule { PathPattern = "/api/spaces/hardware", Status = 200, Body = "[{\"name\":" , Times = 1 });
        _emulator.AddFault(new FaultRule { PathPattern = "/api/whoami-v2", Status = 429, RetryAfter = TimeSpan.FromSeconds(120), Body = "{\"error\":\"slow down\"}" });

        await Assert.ThrowsAsync<HfSpacesException>(() => _client.ListHardwareAsync());
        var limited = await Assert.ThrowsAsync<HfSpacesRateLimitedException>(() => _client.WhoAmIAsync());

        Assert.Equal(TimeSpan.FromSeconds(120), limited.RetryAfter);

        // The client's calls share the Hub's rate limit: the next one is not sent into a spent budget.
        var requests = _emulator.Requests.Count;
        var unsent = await Assert.ThrowsAsync<HfSpacesRateLimitedException>(() => _client.ListHardwareAsync());
        Assert.StartsWith("GET /api/spaces/hardware was not sent: the Hub's rate limit for this client resets in ", unsent.Message, StringComparison.Ordinal);
        Assert.Equal(requests, _emulator.Requests.Count);
        using var other = Client(Token);
        Assert.Equal(17, (await other.ListHardwareAsync()).Count);
    }

    [Fact]
    public async Task The_emulator_records_who_called_without_keeping_the_token()
    {
        await _client.GetRuntimeAsync("alice/demo");

        var request = Assert.Single(_emulator.Requests);
        Assert.Equal(new RecordedRequest("GET", "/api/spaces/alice/demo/runtime", string.Empty, "alice", string.Empty, 200), request);
        Assert.DoesNotContain(Token, request.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Input_with_non_ascii_or_line_breaks_reflected_in_an_error_is_a_400_not_a_500()
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(_emulator.Endpoint, "/api/spaces/alice/demo/hardware"))
        {
            Content = new StringContent("{\"flavor\":\"t4-sm\u00e4ll\\r\\nX-Injected: 1\"}", System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", Token);

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var header = Assert.Single(response.Headers.GetValues("X-Error-Message"));
        Assert.Matches("^[ -~]+$", header);
        Assert.Contains("t4-sm?ll??X-Injected: 1", header, StringComparison.Ordinal);
        Assert.False(response.Headers.Contains("X-Injected"));
        var body = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("error").GetString();
        Assert.Contains("t4-sm\u00e4ll\r\nX-Injected: 1", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_request_log_redacts_secret_values()
    {
        await _client.SetSecretAsync("alice/demo", "API_KEY", "sk-never-kept", "the key");
        await _client.DuplicateAsync("alice/demo", "alice/copy", new DuplicateSpaceOptions { Secrets = [new SpaceSecretValue("OTHER", "sk-nor-this")] });

        var bodies = string.Join("\n", _emulator.Requests.Select(r => r.Body));

        Assert.DoesNotContain("sk-never-kept", bodies, StringComparison.Ordinal);
        Assert.DoesNotContain("sk-nor-this", bodies, StringComparison.Ordinal);
        Assert.Contains("""{"description":"the key","key":"API_KEY","value":"[redacted]"}""", bodies, StringComparison.Ordinal);
        Assert.Contains("""{"key":"OTHER","value":"[redacted]"}""", bodies, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_request_log_keeps_the_start_of_a_long_body_and_its_size_and_no_secret_of_one_too_long_to_redact()
    {
        var variable = new string('v', 100_000);
        var secret = "sk-" + new string('s', 100_000);
        using var http = new HttpClient { BaseAddress = _emulator.Endpoint };
        http.DefaultRequestHeaders.Authorization = new("Bearer", Token);

        await http.PostAsync("api/spaces/alice/demo/variables", new StringContent($$"""{"key":"BIG","value":"{{variable}}"}""", System.Text.Encoding.UTF8, "application/json"));
        await http.PostAsync("api/spaces/alice/demo/secrets", new StringContent($$"""{"key":"HUGE","value":"{{secret}}"}""", System.Text.Encoding.UTF8, "application/json"));

        var (kept, redacted) = (_emulator.Requests[^2], _emulator.Requests[^1]);
        Assert.Equal(HfSpacesEmulator.MaxRecordedBodyChars + 1, kept.Body.Length);
        Assert.StartsWith("""{"key":"BIG","value":"vvv""", kept.Body, StringComparison.Ordinal);
        Assert.EndsWith("v…", kept.Body, StringComparison.Ordinal);
        Assert.Equal(100_000 + """{"key":"BIG","value":""}""".Length, kept.BodyBytes);
        Assert.Equal("[redacted]", redacted.Body);
    }

    [Fact]
    public async Task A_chunked_body_longer_than_what_is_recorded_is_counted_as_the_endpoint_reads_it()
    {
        // The commit's NDJSON is streamed (no Content-Length): 100,000 bytes of text are 133,336 of base64 in it.
        await _client.CommitAsync("alice/demo", [SpaceCommitOperation.Add("data.txt", System.Text.Encoding.ASCII.GetBytes(new string('a', 100_000)))], "Add data");

        var commit = Assert.Single(_emulator.Requests, r => r.Path == "/api/spaces/alice/demo/commit/main");
        Assert.InRange(commit.BodyBytes, 133_336, 133_336 + 512);
        Assert.Equal(HfSpacesEmulator.MaxRecordedBodyChars + 1, commit.Body.Length);
    }

    [Fact]
    public async Task The_request_log_keeps_only_the_most_recent_requests()
    {
        await using var emulator = await HfSpacesEmulator.StartAsync(new EmulatorOptions
        {
            Accounts = new Dictionary<string, string> { ["alice"] = Token },
            Spaces = [new SpaceSeed("alice/demo")],
            MaxRecordedRequests = 3,
        });
        using var client = new HfSpacesClient(new HfSpacesClientOptions { Endpoint = emulator.Endpoint, Token = Token, MaxRetries = 0 });

        for (var i = 0; i < 5; i++)
        {
            await client.SetVariableAsync("alice/demo", "N", i.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        Assert.Equal(["""{"key":"N","value":"2"}""", """{"key":"N","value":"3"}""", """{"key":"N","value":"4"}"""], emulator.Requests.Select(r => r.Body));
    }

    [Fact]
    public async Task Following_the_build_log_streams_until_the_build_ends()
    {
        _emulator.Hub.Timings = new StageTimings(TimeSpan.FromMilliseconds(800), TimeSpan.FromMilliseconds(200));
        await _client.RequestHardwareAsync("alice/demo", SpaceHardware.T4Small);

        var lines = await _client.StreamLogsAsync("alice/demo", new SpaceLogOptions { Type = SpaceLogType.Build, Follow = true }).Select(l => l.Text).ToListAsync();

        // The line written when the build finished arrived on the same stream: it stayed open until then, and ended.
        Assert.Equal("Image pushed; starting the application", lines[^1]);
        Assert.Contains((await _client.GetRuntimeAsync("alice/demo")).Stage, new[] { SpaceStage.RunningAppStarting, SpaceStage.Running });
    }

    private sealed class Progress(Action<SpaceRuntime> report) : IProgress<SpaceRuntime>
    {
        public void Report(SpaceRuntime value) => report(value);
    }
}
