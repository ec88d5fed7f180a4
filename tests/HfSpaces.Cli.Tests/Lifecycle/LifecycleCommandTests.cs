using System.Text.Json;

namespace HfSpaces.Cli.Tests.Lifecycle;

/// <summary>The CLI in process against the emulator: create, list, info, settings, delete, duplicate.</summary>
public sealed class LifecycleCommandTests : CliTest
{
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
    public async Task Create_with_hardware_secrets_from_the_environment_and_variables()
    {
        Environment.SetEnvironmentVariable("HFS_CLI_TEST_SECRET", "sk-from-env");
        try
        {
            var (code, output, error) = await Run(Auth("create", "alice/chat", "--sdk", "gradio", "--hardware", "t4-small", "--sleep", "3600", "--secret", "HFS_CLI_TEST_SECRET", "--variable", "MODEL=gpt2", "--visibility", "private", "--json"));

            Assert.Equal((ExitCodes.Success, string.Empty), (code, error));
            var json = JsonDocument.Parse(output).RootElement;
            Assert.Equal(("alice/chat", false, true, "t4-small"), (json.GetProperty("id").GetString(), json.GetProperty("alreadyExisted").GetBoolean(), json.GetProperty("hardwareApplied").GetBoolean(), json.GetProperty("runtime").GetProperty("requestedHardware").GetString()));
            Assert.Equal("sk-from-env", Emulator.Hub.SecretValue("alice/chat", "HFS_CLI_TEST_SECRET"));
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
        Emulator.Hub.IgnoreHardwareAtCreation = true;

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
        Emulator.ClearRequests();

        var (code, _, error) = await Run(Auth("create", "alice/chat", "--sdk", "gradio", "--secret", secret));

        Assert.Equal((ExitCodes.Usage, message), (code, error.Trim()));
        Assert.DoesNotContain("sk-literal", error, StringComparison.Ordinal);
        Assert.Empty(Emulator.Requests);
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
        Assert.True(Emulator.Hub.Exists("alice/demo"));

        (code, var output, _) = await RunWithInput("alice/demo\n", interactive: true, Auth("delete", "alice/demo"));
        Assert.Equal((ExitCodes.Success, "Deleted alice/demo.\n"), (code, output.ReplaceLineEndings("\n")));
        Assert.False(Emulator.Hub.Exists("alice/demo"));

        (code, output, _) = await Run(Auth("delete", "alice/demo", "--yes", "--missing-ok"));
        Assert.Equal((ExitCodes.Success, "alice/demo does not exist: nothing to delete.\n"), (code, output.ReplaceLineEndings("\n")));
        (code, _, _) = await Run(Auth("delete", "alice/demo", "-y"));
        Assert.Equal(ExitCodes.NotFound, code);
    }
}
