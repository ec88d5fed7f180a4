using System.Diagnostics;

namespace HfSpaces.Emulator.Tests;

/// <summary>The emulator as a standalone process: it stops cleanly on the signals a shell or a supervisor sends.</summary>
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

        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "HfSpaces.Emulator.dll"), "--port", "0"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
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

    [Theory]
    [InlineData(new[] { "--help" }, 0, "Usage: HfSpaces.Emulator [--port N] [--user NAME] [--token TOKEN]", "")]
    [InlineData(new[] { "--port", "abc" }, 2, "", "error: --port 'abc' is not a port number (0 to 65535).")]
    [InlineData(new[] { "--prot", "5000" }, 2, "", "error: unknown option '--prot'. Run with --help.")]
    [InlineData(new[] { "--user" }, 2, "", "error: --user needs a value. Run with --help.")]
    public async Task Its_command_line_has_usage_and_one_line_errors(string[] args, int exitCode, string output, string error)
    {
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "HfSpaces.Emulator.dll"), .. args])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var stdout = await process.StandardOutput.ReadToEndAsync(timeout.Token);
        var stderr = await process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);

        Assert.Equal(exitCode, process.ExitCode);
        Assert.StartsWith(output, stdout, StringComparison.Ordinal);
        Assert.Equal(error, stderr.Trim());
    }
}
