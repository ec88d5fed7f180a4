using System.Net;
using System.Text;

namespace HfSpaces.Tests.Faults;

/// <summary>
/// Each row of the hostile-server table (issue "One owner for the wire"), replayed against a socket-level server: what
/// reaches the server, how often, and what the caller gets.
/// </summary>
public sealed class WireFaultTests
{
    private const string Token = "hf_fault_token_0123456789";
    private const string Runtime = """{"stage":"RUNNING","hardware":{"current":"cpu-basic","requested":"cpu-basic"}}""";

    private static HfSpacesClient Client(Uri endpoint, int maxRetries = 0, TimeSpan? perTryTimeout = null) =>
        new(new HfSpacesClientOptions
        {
            Endpoint = endpoint,
            Token = Token,
            MaxRetries = maxRetries,
            RetryDelay = TimeSpan.Zero,
            PerTryTimeout = perTryTimeout ?? TimeSpan.FromSeconds(20),
        });

    private static Task<bool> Close() => Task.FromResult(false);

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    public async Task A_restart_whose_connection_dies_before_the_answer_reaches_the_server_once(int maxRetries)
    {
        await using var server = new ScriptedServer((r, s, ct) => r.Path.EndsWith("/runtime", StringComparison.Ordinal) ? ScriptedServer.Answer(s, 200, Runtime, ct) : Close());
        using var client = Client(server.Endpoint, maxRetries);
        await client.GetRuntimeAsync("alice/demo"); // leaves a pooled connection for the restart to die on

        var error = await Assert.ThrowsAsync<HfSpacesException>(() => client.RestartAsync("alice/demo"));

        Assert.Equal(1, server.Count("POST", "/api/spaces/alice/demo/restart"));
        Assert.StartsWith("POST /api/spaces/alice/demo/restart failed: the connection broke before the whole answer arrived", error.Message, StringComparison.Ordinal);
        Assert.Null(error.StatusCode);
    }

    [Fact]
    public async Task A_pause_whose_connections_die_reaches_the_server_once_per_attempt_the_policy_allows()
    {
        await using var server = new ScriptedServer((r, s, ct) => r.Path.EndsWith("/runtime", StringComparison.Ordinal) ? ScriptedServer.Answer(s, 200, Runtime, ct) : Close());
        using var client = Client(server.Endpoint, maxRetries: 3);
        await client.GetRuntimeAsync("alice/demo");

        await Assert.ThrowsAsync<HfSpacesException>(() => client.PauseAsync("alice/demo"));

        Assert.Equal(4, server.Count("POST", "/api/spaces/alice/demo/pause"));
    }

    [Fact]
    public async Task A_bodyless_write_goes_out_with_content_length_zero_as_before()
    {
        await using var server = new ScriptedServer((r, s, ct) => ScriptedServer.Answer(s, 200, Runtime, ct));
        using var client = Client(server.Endpoint);

        await client.PauseAsync("alice/demo");

        var request = Assert.Single(server.Requests);
        Assert.Equal("0", request.Headers["Content-Length"]);
        Assert.False(request.Headers.ContainsKey("Content-Type"));
        Assert.Empty(request.Body);
    }

    [Fact]
    public async Task A_503_on_a_write_with_a_body_is_retried_with_the_same_body()
    {
        var calls = 0;
        await using var server = new ScriptedServer((r, s, ct) =>
            Interlocked.Increment(ref calls) == 1 ? ScriptedServer.Answer(s, 503, """{"error":"busy"}""", ct) : ScriptedServer.Answer(s, 200, "{}", ct));
        using var client = Client(server.Endpoint, maxRetries: 1);

        await client.SetSecretAsync("alice/demo", "API_KEY", "sk-1");

        var bodies = server.Requests.Select(r => r.BodyText).ToList();
        Assert.Equal(["""{"key":"API_KEY","value":"sk-1"}""", """{"key":"API_KEY","value":"sk-1"}"""], bodies);
        Assert.All(server.Requests, r => Assert.Equal("Bearer " + Token, r.Headers["Authorization"]));
    }

    [Fact]
    public async Task Under_429_every_attempt_carries_its_body_and_the_caller_gets_the_RetryAfter()
    {
        await using var server = new ScriptedServer((r, s, ct) =>
            ScriptedServer.Answer(s, 429, """{"error":"slow down"}""", ct, "application/json", "Retry-After: 0"));
        using var client = Client(server.Endpoint, maxRetries: 2);

        var error = await Assert.ThrowsAsync<HfSpacesRateLimitedException>(() => client.RequestHardwareAsync("alice/demo", SpaceHardware.T4Small));

        Assert.Equal(3, server.Requests.Count);
        Assert.All(server.Requests, r => Assert.Equal("""{"flavor":"t4-small"}""", r.BodyText));
        Assert.Equal(HttpStatusCode.TooManyRequests, error.StatusCode);
        Assert.Equal(TimeSpan.Zero, error.RetryAfter);
    }

    [Theory]
    [InlineData("hf_abc\r\nX-Smuggled: 1", "a control character (U+000D) at position 7 of 21")]
    [InlineData("hf_abc\ndef", "a control character (U+000A) at position 7 of 10")]
    [InlineData("hf_abcé", "a non-ASCII character at position 7 of 7")]
    public async Task A_token_with_control_or_non_ascii_characters_is_refused_before_anything_is_sent(string token, string what)
    {
        await using var server = new ScriptedServer((r, s, ct) => ScriptedServer.Answer(s, 200, Runtime, ct));
        var options = new HfSpacesClientOptions { Endpoint = server.Endpoint, GetEnvironmentVariable = name => name == "HF_TOKEN" ? token : null };

        var error = Assert.Throws<ArgumentException>(() => new HfSpacesClient(options));

        Assert.Equal($"The token from HF_TOKEN has {what}; a Hub token is printable ASCII (hf_…). Check how it was written there. (Parameter 'options')", error.Message);
        Assert.DoesNotContain("abc", error.Message, StringComparison.Ordinal);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task A_log_stream_without_newlines_is_cut_into_bounded_lines()
    {
        const int Size = 5 * 1024 * 1024;
        await using var server = new ScriptedServer(async (r, s, ct) =>
        {
            await ScriptedServer.Write(s, "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nConnection: close\r\n\r\ndata: ", ct);
            var chunk = Encoding.ASCII.GetBytes(new string('x', 64 * 1024));
            for (var sent = 0; sent < Size; sent += chunk.Length)
            {
                await s.WriteAsync(chunk, ct);
            }

            await ScriptedServer.Write(s, "\ndata: {\"data\":\"after\"}\n", ct);
            return false;
        });
        using var client = Client(server.Endpoint);

        var lines = new List<SpaceLogLine>();
        await foreach (var line in client.StreamLogsAsync("alice/demo", new SpaceLogOptions { Follow = true }))
        {
            lines.Add(line);
        }

        Assert.Equal(2, lines.Count);
        Assert.Equal(new string('x', Http.LogLineStream.MaxLineBytes - "data: ".Length) + "…", lines[0].Text);
        Assert.Equal("after", lines[1].Text);
    }

    [Fact]
    public async Task A_huge_error_body_is_read_only_as_far_as_the_message_needs()
    {
        long written = 0;
        await using var server = new ScriptedServer(async (r, s, ct) =>
        {
            await ScriptedServer.Write(s, $"HTTP/1.1 500 Internal Server Error\r\nContent-Type: text/plain\r\nContent-Length: {300L * 1024 * 1024}\r\n\r\n", ct);
            var chunk = Encoding.ASCII.GetBytes(new string('e', 64 * 1024));
            for (var i = 0; i < 300 * 16; i++)
            {
                await s.WriteAsync(chunk, ct);
                Interlocked.Add(ref written, chunk.Length);
            }

            return false;
        });
        using var client = Client(server.Endpoint);

        var error = await Assert.ThrowsAsync<HfSpacesException>(() => client.GetRuntimeAsync("alice/demo"));

        Assert.Equal(HttpStatusCode.InternalServerError, error.StatusCode);
        Assert.Equal(new string('e', 2000) + "…", error.ServerMessage);
        await Task.Delay(200);
        Assert.True(Interlocked.Read(ref written) < 32L * 1024 * 1024, $"the client let the server send {Interlocked.Read(ref written) / (1024 * 1024)} MB");
    }

    [Fact]
    public async Task A_body_that_claims_gzip_but_is_plain_is_a_typed_unreadable_answer()
    {
        await using var server = new ScriptedServer((r, s, ct) => ScriptedServer.Answer(s, 200, Runtime, ct, "application/json", "Content-Encoding: gzip"));
        using var client = Client(server.Endpoint);

        var error = await Assert.ThrowsAsync<HfSpacesException>(() => client.GetRuntimeAsync("alice/demo"));

        Assert.StartsWith("GET /api/spaces/alice/demo/runtime failed: the answer's body could not be decompressed", error.Message, StringComparison.Ordinal);
        Assert.IsType<InvalidDataException>(error.InnerException);
        Assert.False(error.IsTransient); // never retried: the same bytes would fail the same way
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task A_body_that_stops_short_of_its_length_is_a_typed_transport_failure()
    {
        await using var server = new ScriptedServer(async (r, s, ct) =>
        {
            await ScriptedServer.Write(s, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"stage\":", ct);
            return false;
        });
        using var client = Client(server.Endpoint);

        var error = await Assert.ThrowsAsync<HfSpacesException>(() => client.GetRuntimeAsync("alice/demo"));

        Assert.StartsWith("GET /api/spaces/alice/demo/runtime failed: the connection broke before the whole answer arrived", error.Message, StringComparison.Ordinal);
        Assert.Null(error.StatusCode);
    }

    [Fact]
    public async Task A_body_that_drips_slower_than_the_per_try_timeout_is_a_typed_timeout()
    {
        await using var server = new ScriptedServer(async (r, s, ct) =>
        {
            await ScriptedServer.Write(s, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 50\r\n\r\n", ct);
            for (var i = 0; i < 50; i++)
            {
                await ScriptedServer.Write(s, " ", ct);
                await Task.Delay(100, ct);
            }

            return false;
        });
        using var client = Client(server.Endpoint, perTryTimeout: TimeSpan.FromMilliseconds(500));

        var error = await Assert.ThrowsAsync<HfSpacesException>(() => client.GetRuntimeAsync("alice/demo"));

        Assert.Equal("GET /api/spaces/alice/demo/runtime failed: no complete answer within 0.5 s (PerTryTimeout).", error.Message);
    }

    [Fact]
    public async Task Invalid_utf8_and_lone_surrogates_in_an_error_reach_the_caller_as_text()
    {
        await using var server = new ScriptedServer(async (r, s, ct) =>
        {
            var body = r.Path.Contains("runtime", StringComparison.Ordinal)
                ? [.. Encoding.ASCII.GetBytes("{\"error\":\"bad "), 0xFF, 0xFE, .. Encoding.ASCII.GetBytes("\"}")]
                : Encoding.ASCII.GetBytes("{\"error\":\"lone \\ud800 surrogate\"}");
            await ScriptedServer.Write(s, $"HTTP/1.1 400 Bad Request\r\nContent-Type: application/json\r\nContent-Length: {body.Length}\r\n\r\n", ct);
            await s.WriteAsync(body, ct);
            return true;
        });
        using var client = Client(server.Endpoint);

        var invalid = await Assert.ThrowsAsync<HfSpacesException>(() => client.GetRuntimeAsync("alice/demo"));
        var surrogate = await Assert.ThrowsAsync<HfSpacesException>(() => client.ListVariablesAsync("alice/demo"));

        Assert.Equal("bad \uFFFD\uFFFD", invalid.ServerMessage);
        Assert.Equal("lone \\ud800 surrogate", surrogate.ServerMessage);
    }

    [Fact]
    public async Task Control_characters_from_the_server_never_reach_a_message()
    {
        await using var server = new ScriptedServer((r, s, ct) =>
            ScriptedServer.Answer(s, 400, "{\"error\":\"\\u001b]0;pwned\\u0007\\u001b[2Jgone\"}", ct, "application/json", "X-Error-Code: Bad\u001bCode"));
        using var client = Client(server.Endpoint);

        var error = await Assert.ThrowsAsync<HfSpacesException>(() => client.GetRuntimeAsync("alice/demo"));

        Assert.Equal("\uFFFD]0;pwned\uFFFD\uFFFD[2Jgone", error.ServerMessage);
        Assert.Equal("Bad\uFFFDCode", error.ErrorCode);
        Assert.DoesNotContain('\u001b', error.Message);
    }

    [Fact]
    public async Task An_account_name_that_is_not_a_namespace_fails_a_bare_name_duplicate_as_a_typed_error()
    {
        await using var server = new ScriptedServer((r, s, ct) => ScriptedServer.Answer(s, 200, """{"name":"not/a-name","type":"user"}""", ct));
        using var client = Client(server.Endpoint);

        var error = await Assert.ThrowsAsync<HfSpacesException>(() => client.DuplicateAsync("alice/demo", "copy"));

        Assert.StartsWith("GET /api/whoami-v2 answered 200 with a body this SDK cannot read: the account name is not a valid namespace", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, server.Count("POST", "/api/spaces/alice/demo/duplicate"));
    }
}
