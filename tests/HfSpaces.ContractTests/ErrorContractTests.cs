using System.Net;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace HfSpaces.ContractTests;

public sealed class ErrorContractTests(HubServer hub) : ContractTest(hub)
{
    private const string RuntimePath = "/api/spaces/alice/demo/runtime";

    [Fact]
    public async Task A_404_with_the_hub_headers_is_not_found_with_every_detail()
    {
        Hub.Reply("GET", RuntimePath, 404, """{"error":"Repository not found"}""",
            ("X-Error-Code", "RepoNotFound"), ("X-Error-Message", "Repository not found"), ("X-Request-Id", "Root=1-67cae57a-4b4e5c5b"));

        var error = await Assert.ThrowsAsync<HfSpacesNotFoundException>(() => Client.GetRuntimeAsync("alice/demo"));

        Assert.Equal(HttpStatusCode.NotFound, error.StatusCode);
        Assert.Equal("RepoNotFound", error.ErrorCode);
        Assert.Equal("Repository not found", error.ServerMessage);
        Assert.Equal("Root=1-67cae57a-4b4e5c5b", error.RequestId);
        Assert.Equal(
            "GET /api/spaces/alice/demo/runtime answered 404 Not Found (RepoNotFound): Repository not found. The Space does not exist, or the token cannot see it. Request id: Root=1-67cae57a-4b4e5c5b.",
            error.Message);
        Assert.False(error.IsTransient);
    }

    [Fact]
    public async Task A_401_with_a_token_is_unauthorized_never_not_found_and_never_shows_the_token()
    {
        Hub.Reply("POST", "/api/spaces/alice/demo/restart", 401, """{"error":"Invalid username or password."}""", ("X-Error-Code", "RepoNotFound"));

        var error = await Assert.ThrowsAsync<HfSpacesUnauthorizedException>(() => Client.RestartAsync("alice/demo"));

        Assert.Equal(
            "POST /api/spaces/alice/demo/restart answered 401 Unauthorized (RepoNotFound): Invalid username or password. The Hub refused the token. Check that it is valid and has write access; tokens from an OAuth device-flow login are refused on write endpoints.",
            error.Message);
        Assert.DoesNotContain(HubServer.Token, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_401_without_a_token_says_where_a_token_would_come_from()
    {
        using var anonymous = Hub.CreateClient(token: null);
        Hub.Reply("GET", RuntimePath, 401, """{"error":"Invalid username or password."}""");

        var error = await Assert.ThrowsAsync<HfSpacesUnauthorizedException>(() => anonymous.GetRuntimeAsync("alice/demo"));

        Assert.EndsWith("No token was sent (token source: none (implicit tokens are disabled)); set HF_TOKEN or HfSpacesClientOptions.Token.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_403_is_forbidden_with_the_header_message()
    {
        Hub.Reply("POST", "/api/spaces/alice/demo/pause", 403, null, ("X-Error-Message", "You don't have the rights to pause this Space"));

        var error = await Assert.ThrowsAsync<HfSpacesForbiddenException>(() => Client.PauseAsync("alice/demo"));

        Assert.Equal("You don't have the rights to pause this Space", error.ServerMessage);
        Assert.Equal(HttpStatusCode.Forbidden, error.StatusCode);
    }

    [Fact]
    public async Task A_400_on_a_static_space_is_a_plain_hub_error_with_its_message()
    {
        Hub.Reply("POST", "/api/spaces/alice/demo/pause", 400, """{"error":"Cannot pause a static Space"}""");

        var error = await Assert.ThrowsAsync<HfSpacesException>(() => Client.PauseAsync("alice/demo"));

        Assert.Equal(typeof(HfSpacesException), error.GetType());
        Assert.Equal("POST /api/spaces/alice/demo/pause answered 400 Bad Request: Cannot pause a static Space.", error.Message);
    }

    [Fact]
    public async Task A_429_is_retried_after_the_delay_the_hub_asks_for()
    {
        using var client = Hub.CreateClient(maxRetries: 2);
        Hub.Server.Given(Request.Create().WithPath(RuntimePath).UsingGet()).InScenario("rate").WillSetStateTo("ok")
            .RespondWith(Response.Create().WithStatusCode(429).WithHeader("Retry-After", "0").WithBody("""{"error":"slow down"}"""));
        Hub.Server.Given(Request.Create().WithPath(RuntimePath).UsingGet()).InScenario("rate").WhenStateIs("ok")
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody("""{"stage":"RUNNING"}"""));

        var runtime = await client.GetRuntimeAsync("alice/demo");

        Assert.Equal(SpaceStage.Running, runtime.Stage);
        Assert.Equal(2, Hub.Requests().Count);
    }

    [Fact]
    public async Task A_429_asking_for_longer_than_MaxRetryDelay_is_not_retried()
    {
        using var client = Hub.CreateClient(maxRetries: 3);
        Hub.Reply("GET", RuntimePath, 429, """{"error":"rate limited"}""", ("RateLimit", "\"api\";r=0;t=55"));

        var error = await Assert.ThrowsAsync<HfSpacesRateLimitedException>(() => client.GetRuntimeAsync("alice/demo"));

        Assert.Equal(TimeSpan.FromSeconds(55), error.RetryAfter);
        Assert.Single(Hub.Requests());
        Assert.True(error.IsTransient);
        Assert.EndsWith("Retry after 55 s.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_503_is_retried_for_a_read_until_the_budget_is_spent()
    {
        using var client = Hub.CreateClient(maxRetries: 2);
        Hub.Reply("GET", RuntimePath, 503, "<html><body>Service Unavailable</body></html>");

        var error = await Assert.ThrowsAsync<HfSpacesException>(() => client.GetRuntimeAsync("alice/demo"));

        Assert.Equal(3, Hub.Requests().Count);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, error.StatusCode);
        Assert.Null(error.ServerMessage);
    }

    [Fact]
    public async Task A_503_on_restart_is_not_retried_because_restart_is_not_idempotent()
    {
        using var client = Hub.CreateClient(maxRetries: 3);
        Hub.Reply("POST", "/api/spaces/alice/demo/restart", 503, null);

        await Assert.ThrowsAsync<HfSpacesException>(() => client.RestartAsync("alice/demo"));

        Assert.Single(Hub.Requests());
    }

    [Fact]
    public async Task A_500_with_a_plain_text_body_uses_the_text_as_server_message()
    {
        Hub.Server.Given(Request.Create().WithPath(RuntimePath).UsingGet())
            .RespondWith(Response.Create().WithStatusCode(500).WithHeader("Content-Type", "text/plain").WithBody("upstream exploded"));

        var error = await Assert.ThrowsAsync<HfSpacesException>(() => Client.GetRuntimeAsync("alice/demo"));

        Assert.Equal("upstream exploded", error.ServerMessage);
        Assert.False(error.IsTransient); // the retry policy does not send a 500 again: IsTransient says what it retries
        Assert.Single(Hub.Requests());
    }

    [Fact]
    public async Task A_200_with_truncated_json_is_a_typed_error()
    {
        Hub.Reply("GET", RuntimePath, 200, """{"stage":"RUNN""");

        var error = await Assert.ThrowsAsync<HfSpacesException>(() => Client.GetRuntimeAsync("alice/demo"));

        Assert.StartsWith("GET /api/spaces/alice/demo/runtime failed: the Hub answered 200 with a body that is not valid JSON", error.Message, StringComparison.Ordinal);
        Assert.IsAssignableFrom<System.Text.Json.JsonException>(error.InnerException);
    }

    [Fact]
    public async Task A_200_with_an_html_page_is_a_typed_error()
    {
        Hub.Server.Given(Request.Create().WithPath(RuntimePath).UsingGet())
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "text/html").WithBody("<html>captive portal</html>"));

        await Assert.ThrowsAsync<HfSpacesException>(() => Client.GetRuntimeAsync("alice/demo"));
    }

    [Fact]
    public async Task A_200_with_an_empty_body_is_a_typed_error()
    {
        Hub.Reply("GET", RuntimePath, 200, null);

        var error = await Assert.ThrowsAsync<HfSpacesException>(() => Client.GetRuntimeAsync("alice/demo"));

        Assert.Equal("GET /api/spaces/alice/demo/runtime answered 200 with a body this SDK cannot read: the Hub answered with an empty body.", error.Message);
    }

    [Fact]
    public async Task A_runtime_without_stage_is_a_typed_error()
    {
        Hub.Reply("GET", RuntimePath, 200, """{"hardware":{"current":"cpu-basic"}}""");

        var error = await Assert.ThrowsAsync<HfSpacesException>(() => Client.GetRuntimeAsync("alice/demo"));

        Assert.EndsWith("cannot read: the runtime has no 'stage'.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_response_slower_than_the_per_try_timeout_is_a_typed_timeout()
    {
        using var client = Hub.CreateClient(perTryTimeout: TimeSpan.FromMilliseconds(200));
        Hub.Server.Given(Request.Create().WithPath(RuntimePath).UsingGet())
            .RespondWith(Response.Create().WithStatusCode(200).WithBody("""{"stage":"RUNNING"}""").WithDelay(TimeSpan.FromSeconds(3)));

        var error = await Assert.ThrowsAsync<HfSpacesException>(() => client.GetRuntimeAsync("alice/demo"));

        Assert.Equal("GET /api/spaces/alice/demo/runtime failed: no complete answer within 0.2 s (PerTryTimeout).", error.Message);
        Assert.IsType<TimeoutException>(error.InnerException);
        Assert.Null(error.StatusCode);
    }

    [Fact]
    public async Task Cancellation_by_the_caller_stays_an_OperationCanceledException()
    {
        Hub.Server.Given(Request.Create().WithPath(RuntimePath).UsingGet())
            .RespondWith(Response.Create().WithStatusCode(200).WithBody("""{"stage":"RUNNING"}""").WithDelay(TimeSpan.FromSeconds(3)));
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Client.GetRuntimeAsync("alice/demo", cts.Token));
    }

    [Fact]
    public async Task A_refused_connection_is_a_typed_error()
    {
        var port = GetFreePort();
        using var client = new HfSpacesClient(new HfSpacesClientOptions { Endpoint = new Uri($"http://127.0.0.1:{port}"), UseImplicitToken = false, MaxRetries = 0 });

        var error = await Assert.ThrowsAsync<HfSpacesException>(() => client.GetRuntimeAsync("alice/demo"));

        Assert.Equal($"GET /api/spaces/alice/demo/runtime failed: could not connect to 127.0.0.1:{port} (Connection refused).", error.Message);
        Assert.IsType<HttpRequestException>(error.InnerException);
        Assert.True(error.IsTransient);
    }

    [Fact]
    public async Task A_redirect_to_another_host_is_not_followed_and_names_the_host()
    {
        using var other = WireMock.Server.WireMockServer.Start();
        var elsewhere = new UriBuilder(other.Url!) { Host = "localhost", Path = RuntimePath }.Uri;
        Hub.Reply("GET", RuntimePath, 302, null, ("Location", elsewhere.ToString()));

        var error = await Assert.ThrowsAsync<HfSpacesException>(() => Client.GetRuntimeAsync("alice/demo"));

        Assert.Equal(
            $"GET {RuntimePath} answered 302 (a redirect) to another host (http://localhost:{elsewhere.Port}); not followed, so neither the token nor the body leaves the endpoint.",
            error.Message);
        Assert.Equal(HttpStatusCode.Found, error.StatusCode);
        RequestAssert.Authorized(Hub.SingleRequest());
        Assert.Empty(other.LogEntries);
    }

    [Fact]
    public async Task A_same_host_redirect_of_a_bodyless_request_is_followed_with_the_token()
    {
        Hub.Reply("POST", "/api/spaces/alice/old/pause", 307, null, ("Location", "/api/spaces/alice/demo/pause"));
        Hub.Reply("POST", "/api/spaces/alice/demo/pause", 200, """{"stage":"PAUSED"}""");

        var runtime = await Client.PauseAsync("alice/old");

        Assert.Equal(SpaceStage.Paused, runtime.Stage);
        var requests = Hub.Server.LogEntries.Select(e => e.RequestMessage!).ToList();
        Assert.Equal(["/api/spaces/alice/old/pause", "/api/spaces/alice/demo/pause"], requests.Select(r => r.Path));
        Assert.All(requests, r => RequestAssert.Authorized(r));
    }

    [Fact]
    public async Task A_redirect_of_a_request_with_a_body_is_never_followed_so_a_secret_is_sent_once()
    {
        Hub.Reply("POST", "/api/spaces/alice/demo/secrets", 307, null, ("Location", "/api/spaces/alice/other/secrets"));

        var error = await Assert.ThrowsAsync<HfSpacesException>(() => Client.SetSecretAsync("alice/demo", "API_KEY", "sk-value"));

        Assert.Equal(
            "POST /api/spaces/alice/demo/secrets answered 307 (a redirect) to /api/spaces/alice/other/secrets; not followed for a POST with a body or after 5 redirects.",
            error.Message);
        Assert.Single(Hub.Server.LogEntries);
    }

    private static int GetFreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
