using System.Text.Json;
using HfSpaces.Emulator.State;

namespace HfSpaces.Cli.Tests.Demo;

/// <summary>The CLI in process against the emulator: demo, on the embedded emulator and on your Space.</summary>
public sealed class DemoCommandTests : CliTest
{
    [Fact]
    public async Task Demo_runs_a_whole_lifecycle_on_the_embeddedEmulator()
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
        // Each wait's stage lines are timed from that wait's start.
        Assert.Matches(@"restarted: [A-Z_]+; waiting:\r?\n  \[  0\.\ds\] ", output);
        Assert.Contains("duplicated to demo/chatbot-copy", output, StringComparison.Ordinal);
        Assert.Contains("errors are typed: pausing the static Space demo/landing-page gave HfSpacesException 400: Cannot pause a static Space", output, StringComparison.Ordinal);
        Assert.Matches(@"Done in \d+\.\d s: RUNNING on t4-small\.", output);
        Assert.DoesNotContain("sk-demo-", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Demo_without_a_token_says_how_to_run_it_on_theEmulator()
    {
        var (code, output, error) = await Run("demo");

        Assert.Equal((ExitCodes.Usage, string.Empty), (code, output));
        Assert.Equal("error: the demo runs on a Space you own: set HF_TOKEN (or --token) and pass --space namespace/name. Without an account, run it on an embedded Hub emulator: dotnet run --project src/HfSpaces.Demo" + Environment.NewLine, error);
    }

    [Fact]
    public async Task TheEmulator_demo_explains_itself_and_refuses_unknown_arguments()
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
    public async Task Demo_on_your_space_asks_first_names_the_endpoint_and_puts_the_space_back()
    {
        Emulator.Hub.AddSpace(new SpaceSeed("alice/mine", Hardware: "cpu-upgrade"));
        await Run(Auth("sleep", "alice/mine", "7200"));

        var (code, _, error) = await Run(Auth("demo", "--space", "alice/mine", "--hardware", "t4-small"));
        Assert.Equal((ExitCodes.Usage, "error: Refusing to change your Space without confirmation: stdin is not a terminal. Pass --yes."), (code, error.Trim()));
        Assert.DoesNotContain(Emulator.Requests, r => r.Method == "POST" && r.Path.EndsWith("/hardware", StringComparison.Ordinal) && r.Body.Contains("t4-small", StringComparison.Ordinal));

        (code, var output, error) = await Run(Auth("demo", "--space", "alice/mine", "--hardware", "t4-small", "--yes"));

        Assert.Equal((ExitCodes.Success, string.Empty), (code, error));
        Assert.StartsWith($"The demo will change alice/mine on {Emulator.Endpoint}: request t4-small (billed, $0.40/h)", output, StringComparison.Ordinal);
        Assert.DoesNotContain("real Hub", output, StringComparison.Ordinal);
        Assert.Contains("Restored alice/mine: cpu-upgrade, sleeps after 2 h.", output, StringComparison.Ordinal);
        var runtime = JsonDocument.Parse((await Run(Auth("runtime", "alice/mine", "--json"))).Out).RootElement;
        Assert.Equal(("cpu-upgrade", 7200), (runtime.GetProperty("requestedHardware").GetString(), runtime.GetProperty("sleepTimeSeconds").GetInt32()));
    }
}
