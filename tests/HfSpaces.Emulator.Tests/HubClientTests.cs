using System.Diagnostics;
using System.Text.Json;
using HfSpaces.Emulator.State;

namespace HfSpaces.Emulator.Tests;

/// <summary>
/// The Hub's own JavaScript client, huggingface.js (@huggingface/hub, pinned), pointed at the emulator: a client this
/// project did not write must not tell the emulator from the Hub for a Space's life — whoami, create, info (at
/// <c>revision/HEAD</c>, as it asks), list (following <c>Link</c>), a create conflict, delete; and a Space's files —
/// huggingface.js uploads (a regular and an LFS file), lists and downloads what the SDK committed, and the SDK reads
/// what it wrote, with the same ids.
/// </summary>
public sealed class HubClientTests
{
    private static readonly string Scripts = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../HubClients/js"));

    [Fact]
    public async Task Huggingface_js_runs_a_space_lifecycle_on_the_emulator()
    {
        Assert.True(
            Directory.Exists(Path.Combine(Scripts, "node_modules", "@huggingface", "hub")),
            $"huggingface.js is not installed: building this project runs 'npm ci' in {Scripts} (needs node and npm).");
        await using var emulator = await HfSpacesEmulator.StartAsync(new EmulatorOptions
        {
            Accounts = new Dictionary<string, string> { ["user"] = "hf_user" },
            Spaces = [new SpaceSeed("user/demo")],
            // The new Space is read right after its creation and must still be BUILDING, however slow node is to start.
            Timings = new StageTimings(TimeSpan.FromMinutes(1), TimeSpan.FromSeconds(10)),
        });
        emulator.Hub.ListPageSize = 1; // huggingface.js asks for 500 a page: make it follow the Link header

        var checks = await RunAsync(emulator.Endpoint);

        Assert.All(checks.Values, c => Assert.True(c.GetProperty("ok").GetBoolean(), c.ToString()));
        Assert.Equal("""{"name":"user","type":"user","tokenRole":"write","tokenCreatedIsDate":true}""", checks["whoAmI"].GetProperty("value").GetRawText());
        Assert.Equal(
            """{"name":"user/js-space","sdk":"gradio","private":false,"likes":0,"updatedAtValid":true,"stage":"BUILDING","author":"user"}""",
            checks["spaceInfo"].GetProperty("value").GetRawText());
        Assert.Equal(
            """[{"name":"user/js-space","updatedAtValid":true},{"name":"user/demo","updatedAtValid":true}]""",
            checks["listSpaces"].GetProperty("value").GetRawText());
        Assert.Equal(409, checks["createRepo-conflict"].GetProperty("value").GetProperty("status").GetInt32());
        Assert.Equal("You already created this space repo", checks["createRepo-conflict"].GetProperty("value").GetProperty("message").GetString());
        Assert.Equal(404, checks["deleteRepo"].GetProperty("value").GetProperty("after").GetInt32());
        Assert.Contains(emulator.Requests, r => r.Path == "/api/spaces/user/js-space/revision/HEAD");
        Assert.Contains(emulator.Requests, r => r.Path == "/api/spaces" && r.Query.Contains("cursor=1", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Huggingface_js_and_the_sdk_read_each_others_commits_regular_and_lfs()
    {
        await using var emulator = await HfSpacesEmulator.StartAsync(new EmulatorOptions
        {
            Accounts = new Dictionary<string, string> { ["user"] = "hf_user" },
            Spaces = [new SpaceSeed("user/demo")],
            Timings = StageTimings.Instant,
        });
        using var sdk = new HfSpacesClient(new HfSpacesClientOptions { Endpoint = emulator.Endpoint, Token = "hf_user", UseImplicitToken = false });
        await sdk.CommitAsync("user/demo", [SpaceCommitOperation.Add("sdk/notes.txt", "written by the C# SDK\n"u8.ToArray())], "From the SDK");

        var checks = await RunAsync(emulator.Endpoint, "files.mjs", ("SPACE", "user/demo"), ("SDK_FILE", "sdk/notes.txt"));

        Assert.All(checks.Values, c => Assert.True(c.GetProperty("ok").GetBoolean(), c.ToString()));
        Assert.Equal("written by the C# SDK\n", checks["downloadFile"].GetProperty("value").GetProperty("text").GetString());
        var js = checks["listFiles"].GetProperty("value").EnumerateArray().ToDictionary(f => f.GetProperty("path").GetString()!);
        var ours = await sdk.ListFilesAsync("user/demo", recursive: true).ToDictionaryAsync(f => f.Path);
        Assert.Equal(js.Keys.Order(), ours.Keys.Order());
        Assert.All(js, f => Assert.Equal(f.Value.GetProperty("oid").GetString(), ours[f.Key].BlobId));
        Assert.Equal(checks["uploadFiles"].GetProperty("value").GetProperty("commit").GetString(), await sdk.GetCommitIdAsync("user/demo"));

        // The regular file's id is git's blob id of its bytes; the binary one went to LFS, named by its SHA-256.
        var hello = "print('hello from huggingface.js')\n"u8.ToArray();
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA1.HashData([.. System.Text.Encoding.ASCII.GetBytes($"blob {hello.Length}\0"), .. hello])), ours["js/hello.py"].BlobId);
        var weights = Enumerable.Range(0, 20000).Select(i => (byte)(i * 7 % 256)).ToArray();
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(weights)), ours["js/weights.bin"].Lfs!.Sha256);
        Assert.Equal(ours["js/weights.bin"].Lfs!.Sha256, js["js/weights.bin"].GetProperty("lfs").GetString());
        using var downloaded = new MemoryStream();
        await sdk.DownloadFileAsync("user/demo", "js/weights.bin", downloaded);
        Assert.Equal(weights, downloaded.ToArray());
        Assert.Contains(emulator.Requests, r => r.Path == "/spaces/user/demo.git/info/lfs/objects/batch");
    }

    private static async Task<Dictionary<string, JsonElement>> RunAsync(Uri endpoint, string script = "check.mjs", params (string Name, string Value)[] environment)
    {
        var start = new ProcessStartInfo("node", [script])
        {
            WorkingDirectory = Scripts,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment = { ["HF_ENDPOINT"] = endpoint.ToString().TrimEnd('/'), ["HF_TOKEN"] = "hf_user" },
        };
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var error = process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        Assert.True(process.ExitCode == 0, $"node exited {process.ExitCode}: {await error}");
        return (await output).Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => JsonDocument.Parse(line).RootElement.Clone())
            .ToDictionary(c => c.GetProperty("name").GetString()!);
    }
}
