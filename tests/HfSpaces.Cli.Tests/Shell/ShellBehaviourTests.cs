using System.Text.Json;

namespace HfSpaces.Cli.Tests.Shell;

/// <summary>The CLI in process against the emulator: what every command shares: usage errors and exit codes, --json errors, tab completion, terminal safety, messages.</summary>
public sealed class ShellBehaviourTests : CliTest
{
    [Theory]
    [InlineData(new[] { "runtime", "demo" }, "'demo' has no namespace")]
    [InlineData(new[] { "runtime" }, "Required argument missing")]
    [InlineData(new[] { "sleep", "alice/demo", "soon" }, "'soon' is not a sleep time")]
    [InlineData(new[] { "frobnicate" }, "'frobnicate' is not a hf-spaces command.")]
    public async Task Bad_command_lines_exit_with_the_usage_code(string[] args, string message)
    {
        var (code, _, error) = await Run(args);

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains(message, error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Not_found_auth_and_hub_failures_have_their_own_exit_codes()
    {
        Assert.Equal(ExitCodes.NotFound, (await Run(Auth("runtime", "alice/nope"))).Code);
        Assert.Equal(ExitCodes.Auth, (await Run("pause", "alice/demo")).Code);
        Assert.Equal(ExitCodes.Auth, (await Run("runtime", "alice/demo", "--token", "hf_wrong")).Code);
        var (code, _, error) = await Run(Auth("pause", "alice/site"));
        Assert.Equal(ExitCodes.HubFailure, code);
        Assert.Contains("Cannot pause a static Space", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tab_completion_through_the_suggest_directive_names_commands_and_options()
    {
        var (code, commands, _) = await Run("[suggest:2]", "ru");
        var (_, options, _) = await Run("[suggest:13]", "fleet pause -");

        Assert.Equal((ExitCodes.Success, "runtime"), (code, commands.Trim()));
        Assert.Contains("--dry-run", options.Split('\n', StringSplitOptions.TrimEntries));
        Assert.Contains("--max-parallel", options.Split('\n', StringSplitOptions.TrimEntries));
    }

    [Fact]
    public async Task With_json_an_error_is_one_json_object_on_stderr()
    {
        var (code, output, error) = await Run(Auth("runtime", "alice/nope", "--json"));

        Assert.Equal((ExitCodes.NotFound, string.Empty), (code, output));
        var json = JsonDocument.Parse(error).RootElement.GetProperty("error");
        Assert.StartsWith("GET /api/spaces/alice/nope/runtime answered 404 Not Found (RepoNotFound)", json.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal((3, 404, "RepoNotFound"), (json.GetProperty("exitCode").GetInt32(), json.GetProperty("status").GetInt32(), json.GetProperty("errorCode").GetString()));
        Assert.StartsWith("Root=1-emulator-", json.GetProperty("requestId").GetString(), StringComparison.Ordinal);
        Assert.Single(error.TrimEnd().Split('\n'));

        (code, _, error) = await Run("runtime", "alice/demo", "--json", "--token", "hf_wrong");
        Assert.Equal(ExitCodes.Auth, code);
        Assert.Equal(401, JsonDocument.Parse(error).RootElement.GetProperty("error").GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task Control_characters_the_server_sent_never_reach_the_terminal()
    {
        using (var sdk = new HfSpacesClient(new HfSpacesClientOptions { Endpoint = Emulator.Endpoint, Token = Token, MaxRetries = 0 }))
        {
            await sdk.SetVariableAsync("alice/demo", "TITLE", "\u001b]0;pwned\u0007x", "\u001b[2Jclear\rover");
        }

        var (code, output, _) = await Run(Auth("variables", "list", "alice/demo"));

        Assert.Equal(ExitCodes.Success, code);
        Assert.Contains("\uFFFD]0;pwned\uFFFDx", output, StringComparison.Ordinal);
        Assert.Contains("\uFFFD[2Jclear\uFFFDover", output, StringComparison.Ordinal);
        Assert.DoesNotContain('\u001b', output);
        Assert.DoesNotContain('\r', output);
    }

    [Fact]
    public async Task An_unexpected_error_is_one_line_without_a_stack_trace_unless_verbose()
    {
        async Task<(int Code, string Err)> RunBroken(params string[] args)
        {
            using var output = new StringWriter();
            using var error = new StringWriter();
            var cli = new CliContext(output, error, new StringReader(string.Empty), _ => throw new InvalidOperationException("the sky fell."));
            return (await HfSpacesCli.RunAsync(args, cli), error.ToString());
        }

        var (code, err) = await RunBroken("runtime", "alice/demo");
        var (verboseCode, verbose) = await RunBroken("runtime", "alice/demo", "--verbose");

        Assert.Equal(ExitCodes.Unexpected, code);
        Assert.Equal("error: unexpected InvalidOperationException: the sky fell. Run again with --verbose for the details, and please report it." + Environment.NewLine, err);
        Assert.Equal(ExitCodes.Unexpected, verboseCode);
        Assert.StartsWith("error: unexpected System.InvalidOperationException: the sky fell.", verbose, StringComparison.Ordinal);
        Assert.Contains("   at ", verbose, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Messages_speak_cli_sleep_on_cpu_basic_warns_and_a_refused_connection_names_the_endpoint()
    {
        var (code, _, error) = await Run(Auth("sleep", "alice/demo", "3600"));
        Assert.Equal(ExitCodes.Success, code);
        Assert.Equal("warning: alice/demo runs on cpu-basic, which always sleeps after 48 h: the sleep time was not changed. Request upgraded hardware first ('hf-spaces hardware alice/demo FLAVOR --sleep …').", error.Trim());

        (code, _, error) = await Run("pause", "alice/demo");
        Assert.Equal(ExitCodes.Auth, code);
        Assert.Contains("set HF_TOKEN or pass --token.", error, StringComparison.Ordinal);
        Assert.DoesNotContain("HfSpacesClientOptions", error, StringComparison.Ordinal);

        (code, _, error) = await Run(Auth("duplicate", "alice/demo", "alice/site"));
        Assert.Equal(ExitCodes.HubFailure, code);
        Assert.EndsWith("Pass --exist-ok if the existing Space will do.", error.Trim(), StringComparison.Ordinal);

        Emulator.ClearRequests();
        (code, _, error) = await Run(Auth("duplicate", "alice/demo"));
        Assert.Equal((ExitCodes.Usage, "error: Duplicating alice/demo onto itself: name a target (namespace/name, or a new name in your namespace)."), (code, error.Trim()));
        Assert.DoesNotContain(Emulator.Requests, r => r.Method == "POST");

        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var closedPort = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        (code, _, error) = await Run(Auth("runtime", "alice/demo", "--endpoint", $"http://127.0.0.1:{closedPort}"));
        Assert.Equal(ExitCodes.HubFailure, code);
        Assert.Contains($"could not connect to 127.0.0.1:{closedPort}", error, StringComparison.Ordinal);
        Assert.Contains("Check the endpoint: --endpoint, or HF_ENDPOINT", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "runtim", "alice/demo" }, "error: 'runtim' is not a hf-spaces command. Did you mean 'runtime'?")]
    [InlineData(new[] { "fleet", "paus", "--author", "acme" }, "error: 'paus' is not a hf-spaces fleet command. Did you mean 'pause'?")]
    [InlineData(new[] { "launch-rockets" }, "error: 'launch-rockets' is not a hf-spaces command. Commands:")]
    public async Task A_mistyped_command_names_the_nearest_one(string[] args, string message)
    {
        var (code, _, error) = await Run(args);

        Assert.Equal(ExitCodes.Usage, code);
        Assert.StartsWith(message, error, StringComparison.Ordinal);
        Assert.DoesNotContain("Required command was not provided", error, StringComparison.Ordinal);
    }
}
