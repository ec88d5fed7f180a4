using System.Text.Json;
using HfSpaces.Emulator;
using HfSpaces.Emulator.State;

namespace HfSpaces.Cli.Tests;

/// <summary>The commands run in process against the emulator: output, --json shapes and exit codes.</summary>
public sealed class CliTests : IAsyncLifetime
{
    private const string Token = "hf_cli_test_token_123";
    private HfSpacesEmulator _emulator = null!;

    public async Task InitializeAsync() =>
        _emulator = await HfSpacesEmulator.StartAsync(new EmulatorOptions
        {
            Timings = StageTimings.Instant,
            Accounts = new Dictionary<string, string> { ["alice"] = Token },
            Spaces = [new SpaceSeed("alice/demo"), new SpaceSeed("alice/site", Sdk: "static")],
        });

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    private Task<(int Code, string Out, string Err)> RunWithInput(string stdin, params string[] args) => RunWithInput(stdin, interactive: false, args);

    private async Task<(int Code, string Out, string Err)> RunWithInput(string stdin, bool interactive, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var cli = new CliContext(output, error, new StringReader(stdin), options => new HfSpacesClient(new HfSpacesClientOptions
        {
            Endpoint = options.Endpoint ?? _emulator.Endpoint,
            Token = options.Token,
            UseImplicitToken = false,
            MaxRetries = 0,
        }))
        {
            Interactive = interactive,
        };
        var code = await HfSpacesCli.RunAsync(args, cli);
        return (code, output.ToString(), error.ToString());
    }

    private Task<(int Code, string Out, string Err)> Run(params string[] args) => RunWithInput(string.Empty, args);

    private string[] Auth(params string[] args) => [.. args, "--token", Token];

    [Fact]
    public async Task Runtime_prints_a_table()
    {
        var (code, output, error) = await Run(Auth("runtime", "alice/demo"));

        Assert.Equal((ExitCodes.Success, string.Empty), (code, error));
        Assert.Contains("stage       RUNNING", output, StringComparison.Ordinal);
        Assert.Contains("hardware    cpu-basic", output, StringComparison.Ordinal);
        Assert.Contains("sleep time  48 h", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Runtime_json_has_a_stable_shape()
    {
        var (code, output, _) = await Run(Auth("runtime", "alice/demo", "--json"));

        Assert.Equal(ExitCodes.Success, code);
        var json = JsonDocument.Parse(output).RootElement;
        Assert.Equal("alice/demo", json.GetProperty("space").GetString());
        Assert.Equal("RUNNING", json.GetProperty("stage").GetString());
        Assert.Equal("cpu-basic", json.GetProperty("hardware").GetString());
        Assert.Equal(172800, json.GetProperty("sleepTimeSeconds").GetInt64());
        Assert.False(json.GetProperty("devMode").GetBoolean());
    }

    [Fact]
    public async Task Hardware_then_wait_reaches_running_on_the_flavor()
    {
        var (code, output, _) = await Run(Auth("hardware", "alice/demo", "T4-Small", "--sleep", "3600", "--json"));
        Assert.Equal(ExitCodes.Success, code);
        Assert.Equal("RUNNING_BUILDING", JsonDocument.Parse(output).RootElement.GetProperty("stage").GetString());
        Assert.Contains(_emulator.Requests, r => r.Path == "/api/spaces/alice/demo/hardware" && r.Body == """{"flavor":"t4-small","sleepTimeSeconds":3600}""");

        var (waitCode, waited, _) = await Run(Auth("wait", "alice/demo", "--timeout", "10"));
        Assert.Equal(ExitCodes.Success, waitCode);
        Assert.Contains("RUNNING (t4-small)", waited, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_typo_in_a_flavor_is_a_usage_error_with_a_suggestion_and_sends_nothing()
    {
        var (code, _, error) = await Run(Auth("hardware", "alice/demo", "a10g-smal"));

        Assert.Equal(ExitCodes.Usage, code);
        Assert.StartsWith("error: 'a10g-smal' is not a known SpaceHardware value. Did you mean 'a10g-small'?", error, StringComparison.Ordinal);
        Assert.EndsWith(". If the Hub added it after this CLI was built, pass --force to send it anyway (see 'hf-spaces hardware list').\n", error.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.DoesNotContain("new SpaceHardware", error, StringComparison.Ordinal);
        Assert.Empty(_emulator.Requests);
    }

    [Fact]
    public async Task Force_sends_an_unknown_flavor_and_the_hub_decides()
    {
        var (code, _, error) = await Run(Auth("hardware", "alice/demo", "h200x8", "--force"));

        Assert.Equal(ExitCodes.HubFailure, code);
        Assert.Contains("Invalid hardware flavor 'h200x8'", error, StringComparison.Ordinal);
    }

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
    public async Task Secrets_read_the_value_from_stdin_and_never_print_it()
    {
        var (code, output, error) = await RunWithInput("sk-from-stdin\n", Auth("secrets", "set", "alice/demo", "API_KEY", "--description", "chat"));

        Assert.Equal(ExitCodes.Success, code);
        Assert.Equal("Secret API_KEY set on alice/demo.", output.Trim());
        Assert.Equal("sk-from-stdin", _emulator.Hub.SecretValue("alice/demo", "API_KEY"));

        var (listCode, listed, _) = await Run(Auth("secrets", "list", "alice/demo", "--json"));
        Assert.Equal(ExitCodes.Success, listCode);
        var entry = Assert.Single(JsonDocument.Parse(listed).RootElement.EnumerateArray());
        Assert.Equal(("API_KEY", "chat"), (entry.GetProperty("key").GetString(), entry.GetProperty("description").GetString()));
        Assert.DoesNotContain("sk-from-stdin", output + error + listed, StringComparison.Ordinal);

        Assert.Equal(ExitCodes.Success, (await Run(Auth("secrets", "delete", "alice/demo", "API_KEY"))).Code);
        Assert.Null(_emulator.Hub.SecretValue("alice/demo", "API_KEY"));
    }

    [Fact]
    public async Task Variables_set_and_delete_print_the_whole_map()
    {
        var (_, set, _) = await Run(Auth("variables", "set", "alice/demo", "MODEL", "gpt2", "--json"));
        Assert.Equal("gpt2", JsonDocument.Parse(set).RootElement[0].GetProperty("value").GetString());

        var (_, table, _) = await Run(Auth("variables", "list", "alice/demo"));
        Assert.Contains("MODEL  gpt2", table, StringComparison.Ordinal);

        var (_, deleted, _) = await Run(Auth("variables", "delete", "alice/demo", "MODEL", "--json"));
        Assert.Equal(0, JsonDocument.Parse(deleted).RootElement.GetArrayLength());
    }

    [Fact]
    public async Task Duplicate_reports_the_new_space_and_exist_ok()
    {
        var (code, output, _) = await Run(Auth("duplicate", "alice/demo", "copy", "--visibility", "private", "--json"));
        Assert.Equal(ExitCodes.Success, code);
        Assert.Equal("alice/copy", JsonDocument.Parse(output).RootElement.GetProperty("id").GetString());

        Assert.Equal(ExitCodes.HubFailure, (await Run(Auth("duplicate", "alice/demo", "copy"))).Code);
        var (okCode, again, _) = await Run(Auth("duplicate", "alice/demo", "copy", "--exist-ok"));
        Assert.Equal(ExitCodes.Success, okCode);
        Assert.StartsWith("alice/copy already exists:", again, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pause_restart_dev_mode_storage_and_volumes()
    {
        Assert.Contains("PAUSED", (await Run(Auth("pause", "alice/demo"))).Out, StringComparison.Ordinal);
        Assert.Contains("BUILDING", (await Run(Auth("restart", "alice/demo", "--factory"))).Out, StringComparison.Ordinal);
        Assert.Contains(_emulator.Requests, r => r.Path.EndsWith("/restart", StringComparison.Ordinal) && r.Query == "factory=true");
        Assert.Contains("dev mode    on", (await Run(Auth("dev-mode", "alice/demo", "on"))).Out, StringComparison.Ordinal);
        Assert.Contains("storage     medium", (await Run(Auth("storage", "alice/demo", "medium"))).Out, StringComparison.Ordinal);
        Assert.Equal("1 volume(s) mounted on alice/demo.", (await Run(Auth("volumes", "set", "alice/demo", "model:openai/whisper:/data:ro"))).Out.Trim());
        Assert.Equal(ExitCodes.Usage, (await Run(Auth("volumes", "set", "alice/demo", "model:/data"))).Code);
        Assert.Equal(ExitCodes.Success, (await Run(Auth("volumes", "delete", "alice/demo"))).Code);
    }

    [Fact]
    public async Task Hardware_list_logs_and_whoami()
    {
        var (_, catalog, _) = await Run("hardware", "list");
        Assert.Contains("t4-small", catalog, StringComparison.Ordinal);
        Assert.Contains("1x T4 16 GB", catalog, StringComparison.Ordinal);

        var (logCode, logs, _) = await Run(Auth("logs", "alice/demo", "--tail", "1", "--json"));
        Assert.Equal(ExitCodes.Success, logCode);
        Assert.Equal("Running on local URL:  http://0.0.0.0:7860", JsonDocument.Parse(logs).RootElement.GetProperty("text").GetString());

        var (_, whoami, _) = await Run(Auth("whoami", "--json"));
        Assert.Equal("alice", JsonDocument.Parse(whoami).RootElement.GetProperty("name").GetString());
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
    public async Task Demo_runs_a_whole_lifecycle_on_the_embedded_emulator()
    {
        using var outputWriter = new StringWriter();
        using var errorWriter = new StringWriter();
        var cli = new CliContext(outputWriter, errorWriter, new StringReader(string.Empty), options => new HfSpacesClient(options));
        var code = await HfSpaces.Demo.EmulatorDemo.RunAsync([], cli, CancellationToken.None);
        var (output, error) = (outputWriter.ToString(), errorWriter.ToString());

        Assert.Equal((ExitCodes.Success, string.Empty), (code, error));
        Assert.Contains("created demo/new-space with t4-small, a 30 min sleep time, a variable and a secret: BUILDING, hardware applied", output, StringComparison.Ordinal);
        Assert.Matches(@"committed app\.py and requirements\.txt: [0-9a-f]{7}; the Space rebuilds from it", output);
        Assert.Contains("demo's Spaces: demo/new-space (BUILDING)", output, StringComparison.Ordinal);
        Assert.Contains("made it private: info says private=True, sdk gradio", output, StringComparison.Ordinal);
        Assert.Contains("deleted demo/new-space", output, StringComparison.Ordinal);
        Assert.Contains("requested t4-small with a 1 h sleep time: RUNNING_BUILDING (requested t4-small)", output, StringComparison.Ordinal);
        Assert.Contains("paused: PAUSED", output, StringComparison.Ordinal);
        Assert.Contains("duplicated to demo/chatbot-copy", output, StringComparison.Ordinal);
        Assert.Contains("errors are typed: pausing the static Space demo/landing-page gave HfSpacesException 400: Cannot pause a static Space", output, StringComparison.Ordinal);
        Assert.Matches(@"Done in \d+\.\d s: RUNNING on t4-small\.", output);
        Assert.DoesNotContain("sk-demo-", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Demo_without_a_token_says_how_to_run_it_on_the_emulator()
    {
        var (code, output, error) = await Run("demo");

        Assert.Equal((ExitCodes.Usage, string.Empty), (code, output));
        Assert.Equal("error: the demo runs on a Space you own: set HF_TOKEN (or --token) and pass --space namespace/name. Without an account, run it on an embedded Hub emulator: dotnet run --project src/HfSpaces.Demo" + Environment.NewLine, error);
    }

    [Fact]
    public async Task The_emulator_demo_explains_itself_and_refuses_unknown_arguments()
    {
        using var outputWriter = new StringWriter();
        using var errorWriter = new StringWriter();
        var cli = new CliContext(outputWriter, errorWriter, new StringReader(string.Empty), options => new HfSpacesClient(options));

        Assert.Equal(ExitCodes.Success, await HfSpaces.Demo.EmulatorDemo.RunAsync(["--help"], cli, CancellationToken.None));
        Assert.Equal(ExitCodes.Usage, await HfSpaces.Demo.EmulatorDemo.RunAsync(["--emulator"], cli, CancellationToken.None));

        Assert.StartsWith("Runs a whole Space lifecycle through the HfSpaces SDK on a Hub emulator", outputWriter.ToString(), StringComparison.Ordinal);
        Assert.StartsWith("error: unknown argument '--emulator'.", errorWriter.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Demo_with_a_token_but_no_space_refuses_to_touch_the_real_hub()
    {
        var (code, _, error) = await Run("demo", "--token", "hf_some_real_token");

        Assert.Equal(ExitCodes.Usage, code);
        Assert.StartsWith("error: a token is set, so the demo would run on the real Hub: pass --space", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Control_characters_the_server_sent_never_reach_the_terminal()
    {
        using (var sdk = new HfSpacesClient(new HfSpacesClientOptions { Endpoint = _emulator.Endpoint, Token = Token, MaxRetries = 0 }))
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
    public async Task Create_with_hardware_secrets_from_the_environment_and_variables()
    {
        Environment.SetEnvironmentVariable("HFS_CLI_TEST_SECRET", "sk-from-env");
        try
        {
            var (code, output, error) = await Run(Auth("create", "alice/chat", "--sdk", "gradio", "--hardware", "t4-small", "--sleep", "3600", "--secret", "HFS_CLI_TEST_SECRET", "--variable", "MODEL=gpt2", "--visibility", "private", "--json"));

            Assert.Equal((ExitCodes.Success, string.Empty), (code, error));
            var json = JsonDocument.Parse(output).RootElement;
            Assert.Equal(("alice/chat", false, true, "t4-small"), (json.GetProperty("id").GetString(), json.GetProperty("alreadyExisted").GetBoolean(), json.GetProperty("hardwareApplied").GetBoolean(), json.GetProperty("runtime").GetProperty("requestedHardware").GetString()));
            Assert.Equal("sk-from-env", _emulator.Hub.SecretValue("alice/chat", "HFS_CLI_TEST_SECRET"));
            Assert.DoesNotContain("sk-from-env", output, StringComparison.Ordinal);
        }
        finally
        {
            Environment.SetEnvironmentVariable("HFS_CLI_TEST_SECRET", null);
        }
    }

    [Fact]
    public async Task Create_warns_when_the_hub_ignores_the_hardware()
    {
        _emulator.Hub.IgnoreHardwareAtCreation = true;

        var (code, output, error) = await Run(Auth("create", "alice/gpu", "--sdk", "gradio", "--hardware", "a10g-small"));

        Assert.Equal(ExitCodes.Success, code);
        Assert.StartsWith("Created alice/gpu: http://127.0.0.1:", output, StringComparison.Ordinal);
        Assert.Equal("warning: the Hub put alice/gpu on cpu-basic, not a10g-small; run 'hf-spaces hardware alice/gpu a10g-small' to request it again.\n", error.ReplaceLineEndings("\n"));
    }

    [Theory]
    [InlineData("HFS_CLI_TEST_UNSET", "error: --secret HFS_CLI_TEST_UNSET: the environment variable HFS_CLI_TEST_UNSET is not set or empty.")]
    [InlineData("KEY=sk-literal", "error: --secret takes a name ('KEY'); its value is read from the environment variable of that name, never from the command line.")]
    public async Task Create_refuses_a_secret_it_cannot_read_safely_before_sending(string secret, string message)
    {
        _emulator.ClearRequests();

        var (code, _, error) = await Run(Auth("create", "alice/chat", "--sdk", "gradio", "--secret", secret));

        Assert.Equal((ExitCodes.Usage, message), (code, error.Trim()));
        Assert.DoesNotContain("sk-literal", error, StringComparison.Ordinal);
        Assert.Empty(_emulator.Requests);
    }

    [Fact]
    public async Task Create_requires_an_sdk()
    {
        var (code, _, error) = await Run(Auth("create", "alice/chat"));

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("Option '--sdk' is required.", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_info_and_settings()
    {
        var (code, output, _) = await Run(Auth("list", "--author", "alice"));
        Assert.Equal(ExitCodes.Success, code);
        Assert.Matches(@"^space\s+sdk\s+visibility\s+likes\s+created\n", output.ReplaceLineEndings("\n"));
        Assert.Contains("alice/site", output, StringComparison.Ordinal);

        (code, output, _) = await Run(Auth("list", "--author", "alice", "--runtime", "--limit", "1", "--json"));
        var listed = Assert.Single(JsonDocument.Parse(output).RootElement.EnumerateArray());
        Assert.Equal("RUNNING", listed.GetProperty("runtime").GetProperty("stage").GetString());

        (code, output, _) = await Run(Auth("settings", "alice/demo", "--visibility", "private", "--gated", "manual"));
        Assert.Equal((ExitCodes.Success, "Updated alice/demo: visibility private gated manual.\n"), (code, output.ReplaceLineEndings("\n")));

        (code, output, _) = await Run(Auth("info", "alice/demo", "--json"));
        var info = JsonDocument.Parse(output).RootElement;
        Assert.Equal((ExitCodes.Success, true, "manual", "cpu-basic"), (code, info.GetProperty("private").GetBoolean(), info.GetProperty("gated").GetString(), info.GetProperty("runtime").GetProperty("hardware").GetString()));

        (code, output, _) = await Run(Auth("info", "alice/demo"));
        Assert.Contains("visibility  private", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Settings_without_a_change_is_a_usage_error()
    {
        var (code, _, error) = await Run(Auth("settings", "alice/demo"));

        Assert.Equal((ExitCodes.Usage, "error: Nothing to change: pass --visibility and/or --gated."), (code, error.Trim()));
    }

    [Fact]
    public async Task Delete_asks_for_the_id_unless_yes_and_refuses_without_a_terminal()
    {
        var (code, _, error) = await Run(Auth("delete", "alice/demo"));
        Assert.Equal((ExitCodes.Usage, "error: Refusing to delete alice/demo without confirmation: stdin is not a terminal. Pass --yes to delete it."), (code, error.Trim()));

        (code, _, error) = await RunWithInput("demo\n", interactive: true, Auth("delete", "alice/demo"));
        Assert.Equal(ExitCodes.Cancelled, code);
        Assert.EndsWith("Not confirmed: nothing was deleted.", error.Trim(), StringComparison.Ordinal);
        Assert.True(_emulator.Hub.Exists("alice/demo"));

        (code, var output, _) = await RunWithInput("alice/demo\n", interactive: true, Auth("delete", "alice/demo"));
        Assert.Equal((ExitCodes.Success, "Deleted alice/demo.\n"), (code, output.ReplaceLineEndings("\n")));
        Assert.False(_emulator.Hub.Exists("alice/demo"));

        (code, output, _) = await Run(Auth("delete", "alice/demo", "--yes", "--missing-ok"));
        Assert.Equal((ExitCodes.Success, "alice/demo does not exist: nothing to delete.\n"), (code, output.ReplaceLineEndings("\n")));
        (code, _, _) = await Run(Auth("delete", "alice/demo", "-y"));
        Assert.Equal(ExitCodes.NotFound, code);
    }

    [Fact]
    public async Task Templates_quota_and_replicas()
    {
        var (code, output, _) = await Run(Auth("templates"));
        Assert.Equal(ExitCodes.Success, code);
        Assert.Contains("gradio-templates/chatbot", output, StringComparison.Ordinal);

        _emulator.Hub.UseZeroGpu("alice", 90);
        (code, output, _) = await Run(Auth("quota"));
        Assert.Equal(ExitCodes.Success, code);
        Assert.Contains("remaining  1410 s of 25 min", output, StringComparison.Ordinal);

        (code, _, var error) = await Run(Auth("replicas", "alice/demo", "2"));
        Assert.Equal(ExitCodes.HubFailure, code);
        Assert.Contains("Replicas are only available on upgraded hardware", error, StringComparison.Ordinal);

        await Run(Auth("hardware", "alice/demo", "t4-small"));
        (code, output, _) = await Run(Auth("replicas", "alice/demo", "auto"));
        Assert.Equal(ExitCodes.Success, code);
        Assert.Contains("replicas    auto requested", output, StringComparison.Ordinal);

        (code, _, error) = await Run(Auth("replicas", "alice/demo", "zero"));
        Assert.Equal((ExitCodes.Usage, "error: 'zero' is not a replica count: use a number from 1, or 'auto'."), (code, error.Trim()));
    }

    [Fact]
    public async Task Export_plan_apply_plan_with_terraform_exit_codes()
    {
        var file = Path.Combine(Path.GetTempPath(), $"hfs-{Guid.NewGuid():N}.yaml");
        try
        {
            var (code, _, error) = await Run(Auth("export", "alice/demo", "-o", file));
            Assert.Equal((ExitCodes.Success, "Wrote 1 Space(s) to " + file + "."), (code, error.Trim()));
            (code, var output, _) = await Run(Auth("plan", "-f", file));
            Assert.Equal((ExitCodes.Success, "alice/demo: no changes\nNo changes: 1 Space(s) match the manifest.\n"), (code, output.ReplaceLineEndings("\n")));

            await File.WriteAllTextAsync(file, (await File.ReadAllTextAsync(file)).Replace("hardware: cpu-basic", "hardware: t4-small\n    sleep_time: 1h", StringComparison.Ordinal));
            (code, output, _) = await Run(Auth("plan", "-f", file));
            Assert.Equal(2, code);
            Assert.Equal(
                "alice/demo: change (restarts it)\n  ~ hardware: cpu-basic → t4-small\n  ~ sleep_time: 2d → 1h\nPlan: 0 to create, 1 to change, 0 unchanged. Cost: +$0.40/h, ~ +$288/month if never sleeping (list prices).\n",
                output.ReplaceLineEndings("\n"));
            (code, output, _) = await Run(Auth("plan", "-f", file, "--json"));
            var json = JsonDocument.Parse(output).RootElement;
            Assert.Equal((2, true, "update", "Hardware"), (code, json.GetProperty("hasChanges").GetBoolean(), json.GetProperty("spaces")[0].GetProperty("action").GetString(), json.GetProperty("spaces")[0].GetProperty("changes")[0].GetProperty("kind").GetString()));

            (code, _, error) = await Run(Auth("apply", "-f", file));
            Assert.Equal((1, "error: Refusing to apply without confirmation: stdin is not a terminal. Review the plan and pass --yes."), (code, error.Trim()));
            Assert.DoesNotContain(_emulator.Requests, r => r.Method == "POST");

            (code, output, _) = await Run(Auth("apply", "-f", file, "--yes"));
            Assert.Equal(ExitCodes.Success, code);
            Assert.EndsWith("applied  alice/demo: 2 change(s)\nApplied 1 Space(s), 0 failed.\n", output.ReplaceLineEndings("\n"), StringComparison.Ordinal);
            (code, _, _) = await Run(Auth("plan", "-f", file));
            Assert.Equal(ExitCodes.Success, code);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task A_manifest_error_is_exit_code_1_naming_the_position()
    {
        var file = Path.Combine(Path.GetTempPath(), $"hfs-{Guid.NewGuid():N}.yaml");
        await File.WriteAllTextAsync(file, "spaces:\n  alice/demo:\n    hardware: t4-smal\n");
        try
        {
            var (code, _, error) = await Run(Auth("plan", "-f", file));

            Assert.Equal(1, code);
            Assert.StartsWith($"error: {file}:3:15: 't4-smal' is not a known hardware (did you mean 't4-small'?).", error, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Fleet_of_a_thousand_spaces_ls_cost_dry_run_then_pause_under_a_rate_limit_with_failures()
    {
        var hardware = new[] { "cpu-basic", "t4-small", "a10g-small", "cpu-upgrade" };
        await using var hub = await HfSpacesEmulator.StartAsync(new EmulatorOptions
        {
            Timings = StageTimings.Instant,
            Accounts = new Dictionary<string, string> { ["alice"] = Token },
            Spaces = [.. Enumerable.Range(0, 1000).Select(i => new SpaceSeed($"{(i < 600 ? "acme" : "beta")}/s{i:D4}", Hardware: hardware[i % 4]))],
        });
        hub.Hub.AddAccount("alice", Token, "acme", "beta");
        string[] At(params string[] args) => Auth([.. args, "--endpoint", hub.Endpoint.ToString()]);

        var (code, output, _) = await Run(At("fleet", "ls", "--author", "acme", "--json"));
        Assert.Equal((ExitCodes.Success, 600), (code, JsonDocument.Parse(output).RootElement.GetArrayLength()));

        // The expected cost from the emulator's own catalog (GET /api/spaces/hardware), not from the SDK's prices.
        using var http = new HttpClient();
        using var catalog = JsonDocument.Parse(await http.GetStringAsync(new Uri(hub.Endpoint, "api/spaces/hardware")));
        var perHour = catalog.RootElement.EnumerateArray().ToDictionary(h => h.GetProperty("name").GetString()!, h => h.GetProperty("unitCostUSD").GetDecimal() * 60);
        var expected = Enumerable.Range(0, 600).Sum(i => perHour[hardware[i % 4]]);
        (code, output, _) = await Run(At("fleet", "cost", "--author", "acme", "--json"));
        var cost = JsonDocument.Parse(output).RootElement;
        Assert.Equal(ExitCodes.Success, code);
        Assert.InRange(cost.GetProperty("perHourUsd").GetDecimal(), expected - 0.01m, expected + 0.01m); // the catalog prices per minute, in whole micro-dollars
        Assert.Equal(150, cost.GetProperty("byHardware").EnumerateArray().Single(h => h.GetProperty("hardware").GetString() == "t4-small").GetProperty("spaces").GetInt32());

        hub.ClearRequests();
        (code, output, _) = await Run(At("fleet", "pause", "--author", "beta", "--hardware", "t4-*", "--dry-run"));
        Assert.Equal(ExitCodes.Success, code);
        Assert.EndsWith("Dry run: pause would go to 100 Space(s), 0 skipped. Nothing was sent.\n", output.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.DoesNotContain(hub.Requests, r => r.Method == "POST");

        hub.RateLimit = new HfSpaces.Emulator.Hosting.RateLimitRule(40, TimeSpan.FromSeconds(1));
        foreach (var broken in new[] { "beta/s0601", "beta/s0605", "beta/s0609" })
        {
            hub.AddFault(new HfSpaces.Emulator.Hosting.FaultRule { Method = "POST", PathPattern = $"^/api/spaces/{broken}/pause$", Status = 500, Body = """{"error":"node lost"}""" });
        }

        hub.ClearRequests();
        (code, output, _) = await Run(At("fleet", "pause", "--author", "beta", "--hardware", "t4-*", "--yes", "--json"));

        var events = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        var summary = events[^1];
        Assert.Equal(ExitCodes.HubFailure, code);
        Assert.Equal(("summary", 97, 3, 0, 0), (summary.GetProperty("event").GetString(), summary.GetProperty("succeeded").GetInt32(), summary.GetProperty("failed").GetInt32(), summary.GetProperty("skipped").GetInt32(), summary.GetProperty("notStarted").GetInt32()));
        Assert.Equal(["beta/s0601", "beta/s0605", "beta/s0609"], events.Where(e => e.GetProperty("event").GetString() == "failed").Select(e => e.GetProperty("space").GetString()).Order());
        Assert.All(events.Where(e => e.GetProperty("event").GetString() == "failed"), e => Assert.Equal("node lost", e.GetProperty("detail").GetString()));

        // Every pause was carried out exactly once: none lost, none sent twice (a 429 is not carried out).
        var carriedOut = hub.Requests.Where(r => r.Method == "POST" && r.Status != 429).GroupBy(r => r.Path).ToList();
        Assert.Equal(100, carriedOut.Count);
        Assert.All(carriedOut, g => Assert.Single(g));
        Assert.Equal(97, carriedOut.Count(g => g.Single().Status == 200));
    }

    [Fact]
    public async Task Apply_waits_reports_a_failed_space_with_exit_code_1_and_never_prints_a_secret()
    {
        var file = Path.Combine(Path.GetTempPath(), $"hfs-{Guid.NewGuid():N}.yaml");
        await File.WriteAllTextAsync(file, """
            spaces:
              alice/demo:
                hardware: t4-small
                secrets:
                  HFS_CLI_APPLY_SECRET: ${env:HFS_CLI_APPLY_SECRET}
              alice/fresh:
                sdk: gradio
                variables: { MODE: prod }
                secrets:
                  HFS_CLI_APPLY_SECRET: ${env:HFS_CLI_APPLY_SECRET}
            """);
        Environment.SetEnvironmentVariable("HFS_CLI_APPLY_SECRET", "sk-apply-never-shown");
        _emulator.AddFault(new HfSpaces.Emulator.Hosting.FaultRule { Method = "POST", PathPattern = "^/api/repos/create$", Status = 500, Body = """{"error":"storage backend unavailable"}""" });
        try
        {
            var (code, output, error) = await Run(Auth("apply", "-f", file, "--yes", "--wait"));

            Assert.Equal(1, code);
            Assert.Contains("applied  alice/demo: 2 change(s), now RUNNING\n", output.ReplaceLineEndings("\n"), StringComparison.Ordinal); // --wait waited for it
            Assert.Contains("FAILED   alice/fresh: POST /api/repos/create answered 500 Internal Server Error: storage backend unavailable.", output, StringComparison.Ordinal);
            Assert.EndsWith("Applied 1 Space(s), 1 failed.\n", output.ReplaceLineEndings("\n"), StringComparison.Ordinal);
            Assert.DoesNotContain("sk-apply-never-shown", output + error, StringComparison.Ordinal);
            Assert.Equal("sk-apply-never-shown", _emulator.Hub.SecretValue("alice/demo", "HFS_CLI_APPLY_SECRET"));
        }
        finally
        {
            Environment.SetEnvironmentVariable("HFS_CLI_APPLY_SECRET", null);
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Wait_on_a_failed_build_or_a_paused_space_exits_7_with_the_hubs_error()
    {
        _emulator.Hub.AddSpace(new SpaceSeed("alice/broken", Stage: "BUILD_ERROR", ErrorMessage: "Exit code: 1. Reason: ModuleNotFoundError: No module named 'torch'"));

        var (code, output, error) = await Run(Auth("wait", "alice/broken"));
        Assert.Equal(ExitCodes.NotRunning, code);
        Assert.Contains("BUILD_ERROR", output, StringComparison.Ordinal);
        Assert.Equal("error: alice/broken ended BUILD_ERROR, not RUNNING: Exit code: 1. Reason: ModuleNotFoundError: No module named 'torch'", error.Trim());

        _emulator.Hub.BreakNextBuild("alice/demo", "pip install failed");
        (code, _, error) = await Run(Auth("hardware", "alice/demo", "t4-small"));
        Assert.Equal(ExitCodes.Success, code);
        (code, _, error) = await Run(Auth("wait", "alice/demo", "--json"));
        Assert.Equal((ExitCodes.NotRunning, "error: alice/demo ended BUILD_ERROR, not RUNNING: pip install failed"), (code, error.Trim()));

        await Run(Auth("restart", "alice/demo"));
        await Run(Auth("pause", "alice/demo"));
        (code, _, error) = await Run(Auth("wait", "alice/demo"));
        Assert.Equal((ExitCodes.NotRunning, "error: alice/demo ended PAUSED, not RUNNING."), (code, error.Trim()));
    }

    [Fact]
    public async Task An_empty_secret_is_refused_unless_allowed_and_a_typed_one_is_read_hidden()
    {
        var (code, _, error) = await RunWithInput(string.Empty, Auth("secrets", "set", "alice/demo", "API_KEY"));
        Assert.Equal((ExitCodes.Usage, "error: The value of API_KEY is empty (nothing on stdin: an unset variable piped in?), so nothing was sent. Pass --allow-empty to set an empty secret."), (code, error.Trim()));
        Assert.Empty(_emulator.Requests);

        (code, _, _) = await RunWithInput("\n", Auth("secrets", "set", "alice/demo", "EMPTY", "--allow-empty"));
        Assert.Equal((ExitCodes.Success, string.Empty), (code, _emulator.Hub.SecretValue("alice/demo", "EMPTY")));

        (code, var output, error) = await RunWithInput("sk-typed-at-a-terminal\n", interactive: true, Auth("secrets", "set", "alice/demo", "TYPED"));
        Assert.Equal(ExitCodes.Success, code);
        Assert.Equal("Value of TYPED (hidden):", error.Trim());
        Assert.DoesNotContain("sk-typed", output + error, StringComparison.Ordinal);
        Assert.Equal("sk-typed-at-a-terminal", _emulator.Hub.SecretValue("alice/demo", "TYPED"));
    }

    [Theory]
    [InlineData("1h", 3600)]
    [InlineData("1h30m", 5400)]
    [InlineData("900", 900)]
    [InlineData("never", -1)]
    public async Task Sleep_reads_the_manifests_durations(string text, int seconds)
    {
        Assert.Equal(ExitCodes.Success, (await Run(Auth("hardware", "alice/demo", "t4-small"))).Code);
        _emulator.ClearRequests();

        var (code, _, error) = await Run(Auth("sleep", "alice/demo", text));

        Assert.Equal((ExitCodes.Success, string.Empty), (code, error));
        Assert.Equal($$"""{"seconds":{{seconds}}}""", Assert.Single(_emulator.Requests, r => r.Path == "/api/spaces/alice/demo/sleeptime").Body);
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

        _emulator.ClearRequests();
        (code, _, error) = await Run(Auth("duplicate", "alice/demo"));
        Assert.Equal((ExitCodes.Usage, "error: Duplicating alice/demo onto itself: name a target (namespace/name, or a new name in your namespace)."), (code, error.Trim()));
        Assert.DoesNotContain(_emulator.Requests, r => r.Method == "POST");

        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var closedPort = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        (code, _, error) = await Run(Auth("runtime", "alice/demo", "--endpoint", $"http://127.0.0.1:{closedPort}"));
        Assert.Equal(ExitCodes.HubFailure, code);
        Assert.Contains($"could not connect to 127.0.0.1:{closedPort}", error, StringComparison.Ordinal);
        Assert.Contains("Check the endpoint: --endpoint, or HF_ENDPOINT", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Volumes_are_listed_and_shown_in_the_runtime()
    {
        await Run(Auth("volumes", "set", "alice/demo", "model:openai/whisper:/data:ro"));

        var (code, output, _) = await Run(Auth("volumes", "list", "alice/demo"));
        Assert.Equal((ExitCodes.Success, "type   source          mount  mode\nmodel  openai/whisper  /data  ro\n"), (code, output.ReplaceLineEndings("\n")));
        (_, output, _) = await Run(Auth("runtime", "alice/demo"));
        Assert.Contains("volumes     model:openai/whisper:/data:ro", output, StringComparison.Ordinal);
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

    [Fact]
    public async Task Demo_on_your_space_asks_first_names_the_endpoint_and_puts_the_space_back()
    {
        _emulator.Hub.AddSpace(new SpaceSeed("alice/mine", Hardware: "cpu-upgrade"));
        await Run(Auth("sleep", "alice/mine", "7200"));

        var (code, _, error) = await Run(Auth("demo", "--space", "alice/mine", "--hardware", "t4-small"));
        Assert.Equal((ExitCodes.Usage, "error: Refusing to change your Space without confirmation: stdin is not a terminal. Pass --yes."), (code, error.Trim()));
        Assert.DoesNotContain(_emulator.Requests, r => r.Method == "POST" && r.Path.EndsWith("/hardware", StringComparison.Ordinal) && r.Body.Contains("t4-small", StringComparison.Ordinal));

        (code, var output, error) = await Run(Auth("demo", "--space", "alice/mine", "--hardware", "t4-small", "--yes"));

        Assert.Equal((ExitCodes.Success, string.Empty), (code, error));
        Assert.StartsWith($"The demo will change alice/mine on {_emulator.Endpoint}: request t4-small (billed, $0.40/h)", output, StringComparison.Ordinal);
        Assert.DoesNotContain("real Hub", output, StringComparison.Ordinal);
        Assert.Contains("Restored alice/mine: cpu-upgrade, sleeps after 2 h.", output, StringComparison.Ordinal);
        var runtime = JsonDocument.Parse((await Run(Auth("runtime", "alice/mine", "--json"))).Out).RootElement;
        Assert.Equal(("cpu-upgrade", 7200), (runtime.GetProperty("requestedHardware").GetString(), runtime.GetProperty("sleepTimeSeconds").GetInt32()));
    }
}
