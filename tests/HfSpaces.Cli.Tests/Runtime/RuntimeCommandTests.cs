using System.Text.Json;
using HfSpaces.Emulator.State;

namespace HfSpaces.Cli.Tests.Runtime;

/// <summary>The CLI in process against the emulator: runtime, hardware, wait, sleep, pause/restart, dev mode, storage, volumes, logs.</summary>
public sealed class RuntimeCommandTests : CliTest
{
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
        Assert.Contains(Emulator.Requests, r => r.Path == "/api/spaces/alice/demo/hardware" && r.Body == """{"flavor":"t4-small","sleepTimeSeconds":3600}""");

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
        Assert.Empty(Emulator.Requests);
    }

    [Fact]
    public async Task Force_sends_an_unknown_flavor_and_the_hub_decides()
    {
        var (code, _, error) = await Run(Auth("hardware", "alice/demo", "h200x8", "--force"));

        Assert.Equal(ExitCodes.HubFailure, code);
        Assert.Contains("Invalid hardware flavor 'h200x8'", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pause_restart_dev_mode_storage_and_volumes()
    {
        Assert.Contains("PAUSED", (await Run(Auth("pause", "alice/demo"))).Out, StringComparison.Ordinal);
        Assert.Contains("BUILDING", (await Run(Auth("restart", "alice/demo", "--factory"))).Out, StringComparison.Ordinal);
        Assert.Contains(Emulator.Requests, r => r.Path.EndsWith("/restart", StringComparison.Ordinal) && r.Query == "factory=true");
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
    public async Task Wait_on_a_failed_build_or_a_paused_space_exits_7_with_the_hubs_error()
    {
        Emulator.Hub.AddSpace(new SpaceSeed("alice/broken", Stage: "BUILD_ERROR", ErrorMessage: "Exit code: 1. Reason: ModuleNotFoundError: No module named 'torch'"));

        var (code, output, error) = await Run(Auth("wait", "alice/broken"));
        Assert.Equal(ExitCodes.NotRunning, code);
        Assert.Contains("BUILD_ERROR", output, StringComparison.Ordinal);
        Assert.Equal("error: alice/broken ended BUILD_ERROR, not RUNNING: Exit code: 1. Reason: ModuleNotFoundError: No module named 'torch'", error.Trim());

        Emulator.Hub.BreakNextBuild("alice/demo", "pip install failed");
        (code, _, error) = await Run(Auth("hardware", "alice/demo", "t4-small"));
        Assert.Equal(ExitCodes.Success, code);
        (code, _, error) = await Run(Auth("wait", "alice/demo", "--json"));
        Assert.Equal((ExitCodes.NotRunning, "error: alice/demo ended BUILD_ERROR, not RUNNING: pip install failed"), (code, error.Trim()));

        await Run(Auth("restart", "alice/demo"));
        await Run(Auth("pause", "alice/demo"));
        (code, _, error) = await Run(Auth("wait", "alice/demo"));
        Assert.Equal((ExitCodes.NotRunning, "error: alice/demo ended PAUSED, not RUNNING."), (code, error.Trim()));
    }

    [Theory]
    [InlineData("1h", 3600)]
    [InlineData("1h30m", 5400)]
    [InlineData("900", 900)]
    [InlineData("never", -1)]
    public async Task Sleep_reads_the_manifests_durations(string text, int seconds)
    {
        Assert.Equal(ExitCodes.Success, (await Run(Auth("hardware", "alice/demo", "t4-small"))).Code);
        Emulator.ClearRequests();

        var (code, _, error) = await Run(Auth("sleep", "alice/demo", text));

        Assert.Equal((ExitCodes.Success, string.Empty), (code, error));
        Assert.Equal($$"""{"seconds":{{seconds}}}""", Assert.Single(Emulator.Requests, r => r.Path == "/api/spaces/alice/demo/sleeptime").Body);
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

    [Fact]
    public async Task Templates_quota_and_replicas()
    {
        var (code, output, _) = await Run(Auth("templates"));
        Assert.Equal(ExitCodes.Success, code);
        Assert.Contains("gradio-templates/chatbot", output, StringComparison.Ordinal);

        Emulator.Hub.UseZeroGpu("alice", 90);
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
}
