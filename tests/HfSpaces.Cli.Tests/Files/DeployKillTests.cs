using System.Diagnostics;
using HfSpaces.Emulator;
using HfSpaces.Emulator.Hosting;
using HfSpaces.Emulator.State;

namespace HfSpaces.Cli.Tests.Files;

/// <summary>A deploy killed with SIGKILL while its commit is on the wire: the Space keeps serving its old commit.</summary>
public sealed class DeployKillTests : IDisposable
{
    private readonly string _app = Directory.CreateTempSubdirectory("hfspaces-kill-").FullName;

    public void Dispose() => Directory.Delete(_app, recursive: true);

    [Fact]
    public async Task Kill_9_mid_upload_leaves_the_old_commit()
    {
        await using var emulator = await HfSpacesEmulator.StartAsync(new EmulatorOptions
        {
            Timings = StageTimings.Instant,
            Accounts = new Dictionary<string, string> { ["alice"] = "hf_kill" },
            Spaces = [new SpaceSeed("alice/chat")],
        });
        var before = emulator.Hub.HeadCommit("alice/chat");
        // 8 MB of text: more than the emulator reads before the commit is held, so the client is still sending when killed.
        File.WriteAllText(Path.Combine(_app, "app.py"), "x = 1\n" + new string('#', 8_000_000) + "\n");
        emulator.AddFault(new FaultRule { Method = "POST", PathPattern = "/api/spaces/alice/chat/commit/main", Delay = TimeSpan.FromSeconds(5), Times = 1 });

        // The tool as built in its own folder (its own dependencies), as a user runs it.
        var tool = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../../src/HfSpaces.Cli/bin/Debug/net10.0/hf-spaces.dll"));
        Assert.True(File.Exists(tool), $"build the solution first: {tool} is missing");
        var start = new ProcessStartInfo("dotnet", [tool, "deploy", "alice/chat", _app, "--yes"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment = { ["HF_ENDPOINT"] = emulator.Endpoint.ToString(), ["HF_TOKEN"] = "hf_kill" },
        };
        using var process = Process.Start(start)!;
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (!emulator.Requests.Any(r => r.Path == "/api/spaces/alice/chat/preupload/main"))
        {
            Assert.True(DateTime.UtcNow < deadline && !process.HasExited, $"the deploy did not reach its preupload: {(process.HasExited ? await process.StandardError.ReadToEndAsync() : "timeout")}");
            await Task.Delay(20);
        }

        await Task.Delay(1500); // the commit is now on the wire, held by the fault (the client blocked mid-body)
        process.Kill(entireProcessTree: true); // SIGKILL: no cleanup, no cancellation
        await process.WaitForExitAsync();
        await Task.Delay(TimeSpan.FromSeconds(6)); // the held request goes on, with a body cut short

        Assert.Equal(before, emulator.Hub.HeadCommit("alice/chat"));
        Assert.NotEqual("x = 1\n", Encoding(emulator.Hub.FileContent("alice/chat", "app.py"))[..6]);
        Assert.True(emulator.Requests.Count(r => r.Path == "/api/spaces/alice/chat/commit/main") <= 1);
    }

    private static string Encoding(byte[]? bytes) => bytes is null ? string.Empty.PadRight(6) : System.Text.Encoding.UTF8.GetString(bytes).PadRight(6);
}
