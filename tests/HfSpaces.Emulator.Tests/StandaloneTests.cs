using System.Diagnostics;

namespace HfSpaces.Emulator.Tests;

/// <summary>The emulator as a standalone process (hf-spaces-emulator): it stops cleanly on the signals a shell or a supervisor sends.</summary>
public sealed class StandaloneTests
{
    [Theory]
    [InlineData("TERM", "SIGTERM")]
    [InlineData("INT", "SIGINT")]
    public async Task A_signal_stops_it_cleanly(string signal, string name)
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS())
        {
            return;
        }

        using var process = StartTool("--port", "0");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            var banner = await process.StandardOutput.ReadLineAsync(timeout.Token);
            Assert.StartsWith("Hugging Face Hub emulator on http://127.0.0.1:", banner, StringComparison.Ordinal);
            var endpoint = new Uri(banner!.Split(' ')[5]);
            using (var client = new HfSpacesClient(new HfSpacesClientOptions { Endpoint = endpoint, Token = "hf_emulator", UseImplicitToken = false }))
            {
                Assert.Equal(SpaceStage.Running, (await client.GetRuntimeAsync("demo/demo", timeout.Token)).Stage);
            }

            using (var kill = Process.Start("kill", [$"-{signal}", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            {
                await kill.WaitForExitAsync(timeout.Token);
            }

            await process.WaitForExitAsync(timeout.Token);
            var rest = await process.StandardOutput.ReadToEndAsync(timeout.Token);

            Assert.Equal(0, process.ExitCode);
            Assert.EndsWith($"{name}: stopping.", rest.TrimEnd(), StringComparison.Ordinal);
            Assert.Equal(string.Empty, await process.StandardError.ReadToEndAsync(timeout.Token));
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
    }

    [Fact]
    public async Task It_seeds_accounts_and_spaces_from_flags_and_a_file()
    {
        var seed = Path.Combine(Path.GetTempPath(), $"hfspaces-seed-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(seed, """
            {
              // comments and trailing commas are fine
              "accounts": [ { "name": "bob", "token": "hf_bob", "organizations": ["acme"] } ],
              "spaces": [
                { "id": "acme/chat", "hardware": "t4-small", "private": true, "files": { "app.py": "import gradio as gr\n", "src/util.py": "x = 1\n" } },
                { "id": "bob/broken", "stage": "BUILD_ERROR", "errorMessage": "Build failed with exit code: 1" },
              ],
            }
            """);
        using var process = StartTool("--port", "0", "--space", "demo/extra", "--seed", seed);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            var banner = await process.StandardOutput.ReadLineAsync(timeout.Token);
            Assert.EndsWith("— account 'demo', Spaces demo/demo, demo/static-site, demo/extra; from the seed file 1 account(s) and 2 Space(s).", banner, StringComparison.Ordinal);
            var endpoint = new Uri(banner!.Split(' ')[5]);
            using var bob = new HfSpacesClient(new HfSpacesClientOptions { Endpoint = endpoint, Token = "hf_bob", UseImplicitToken = false, MaxRetries = 0 });
            using var demo = new HfSpacesClient(new HfSpacesClientOptions { Endpoint = endpoint, Token = "hf_emulator", UseImplicitToken = false, MaxRetries = 0 });

            Assert.Equal(SpaceHardware.T4Small, (await bob.GetRuntimeAsync("acme/chat", timeout.Token)).Hardware);
            var broken = await bob.GetRuntimeAsync("bob/broken", timeout.Token);
            Assert.Equal((SpaceStage.BuildError, "Build failed with exit code: 1"), (broken.Stage, broken.ErrorMessage));
            Assert.Equal(SpaceStage.Running, (await demo.GetRuntimeAsync("demo/extra", timeout.Token)).Stage);
            await Assert.ThrowsAsync<HfSpacesNotFoundException>(() => demo.GetRuntimeAsync("acme/chat", timeout.Token)); // private, not demo's
            Assert.Equal(["README.md", "app.py", "src/util.py"], await bob.ListFilesAsync("acme/chat", recursive: true, cancellationToken: timeout.Token).Where(f => !f.IsDirectory).Select(f => f.Path).ToListAsync(timeout.Token));
            using var util = new MemoryStream();
            await bob.DownloadFileAsync("acme/chat", "src/util.py", util, cancellationToken: timeout.Token);
            Assert.Equal("x = 1\n"u8.ToArray(), util.ToArray());
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            File.Delete(seed);
        }
    }

    [Theory]
    [InlineData(new[] { "--help" }, 0, "Description:\n  The Hugging Face Hub's Space API on 127.0.0.1, in memory, for tests and demos.", "")]
    [InlineData(new[] { "--space", "nonamespace" }, 2, "", "error: --space 'nonamespace' is not namespace/name. Run with --help.")]
    [InlineData(new[] { "--seed", "/nonexistent/seed.json" }, 2, "", "error: --seed: Could not find a part of the path '/nonexistent/seed.json'.")]
    [InlineData(new[] { "--port", "abc" }, 2, "", "error: --port 'abc' is not a port number (0 to 65535). Run with --help.")]
    [InlineData(new[] { "--port", "70000" }, 2, "", "error: --port '70000' is not a port number (0 to 65535). Run with --help.")]
    [InlineData(new[] { "--prot", "5000" }, 2, "", "error: Unrecognized command or argument '--prot'. Run with --help.")]
    [InlineData(new[] { "--user" }, 2, "", "error: Required argument missing for option: '--user'. Run with --help.")]
    [InlineData(new[] { "--user", "a/b" }, 2, "", "error: --user 'a/b' is not an account name. Run with --help.")]
    public async Task Its_command_line_has_usage_and_one_line_errors(string[] args, int exitCode, string output, string error)
    {
        using var process = StartTool(args);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var stdout = await process.StandardOutput.ReadToEndAsync(timeout.Token);
        var stderr = await process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);

        Assert.Equal(exitCode, process.ExitCode);
        Assert.StartsWith(output, stdout, StringComparison.Ordinal);
        Assert.Equal(error, stderr.Trim());
    }

    /// <summary>hf-spaces-emulator from this test's output folder, its output captured.</summary>
    private static Process StartTool(params string[] args) =>
        Process.Start(new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "hf-spaces-emulator.dll"), .. args])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
}
