using System.Text.Json;
using HfSpaces.Emulator.State;

namespace HfSpaces.Cli.Tests.Files;

/// <summary><c>hf-spaces deploy</c> and <c>files</c> in process against the emulator: the plan, what is sent, exit codes, --json events.</summary>
public sealed class DeployCommandTests : CliTest, IDisposable
{
    private readonly string _app = Directory.CreateTempSubdirectory("hfspaces-deploy-").FullName;

    /// <summary>No Spaces: each test creates its own.</summary>
    protected override SpaceSeed[] Seeds => [];

    protected override bool SignedIn => true;

    public void Dispose() => Directory.Delete(_app, recursive: true);

    [Fact]
    public async Task Deploy_takes_an_empty_space_to_running_then_a_one_line_change_sends_one_file()
    {
        Assert.Equal(ExitCodes.Success, (await Run("create", "alice/chat", "--sdk", "gradio")).Code);
        Assert.Equal("NO_APP_FILE", Emulator.Hub.StageOf("alice/chat"));
        Write("app.py", "import gradio as gr\nprint('v1')\n");
        Write("requirements.txt", "gradio\n");
        Write(".gitignore", "*.pyc\n");
        Write("cache.pyc", "x");

        var (code, output, error) = await Run("deploy", "alice/chat", _app, "-m", "First version", "--wait");

        Assert.Equal((ExitCodes.Success, string.Empty), (code, error));
        Assert.Contains($"Deploy {_app} to alice/chat (on ", output, StringComparison.Ordinal);
        Assert.Contains("  + .gitignore        6 B", output, StringComparison.Ordinal);
        Assert.Contains("  + app.py            32 B", output, StringComparison.Ordinal);
        Assert.Contains("    ignored cache.pyc (.gitignore: *.pyc)", output, StringComparison.Ordinal);
        Assert.Contains("3 to add, 0 to change, 0 to delete, 0 unchanged; 45 B to send; the Space rebuilds once.", output, StringComparison.Ordinal);
        Assert.Contains("  sent app.py (32 B)", output, StringComparison.Ordinal);
        Assert.Matches(@"Committed [0-9a-f]{7} in \d+\.\d s: http://127\.0\.0\.1:\d+/spaces/alice/chat/commit/[0-9a-f]{40}", output);
        Assert.Equal("RUNNING", Emulator.Hub.StageOf("alice/chat"));

        Write("app.py", "import gradio as gr\nprint('v2')\n");
        Emulator.ClearRequests();
        (code, output, _) = await Run("deploy", "alice/chat", _app);

        Assert.Equal(ExitCodes.Success, code);
        Assert.Contains("  ~ app.py  32 B", output, StringComparison.Ordinal);
        Assert.Contains("0 to add, 1 to change, 0 to delete, 2 unchanged; 32 B to send", output, StringComparison.Ordinal);
        var commit = Assert.Single(Emulator.Requests, r => r.Path == "/api/spaces/alice/chat/commit/main");
        Assert.Equal(2, commit.Body.TrimEnd('\n').Split('\n').Length);

        (code, output, _) = await Run("deploy", "alice/chat", _app);
        Assert.Equal(ExitCodes.Success, code);
        Assert.Contains("Nothing to deploy: alice/chat already has these files (3 unchanged, at ", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_from_a_folder_creates_and_deploys_in_one_step()
    {
        Write("app.py", "import gradio\n");

        var (code, output, error) = await Run("create", "alice/new", "--sdk", "gradio", "--from", _app);

        Assert.Equal((ExitCodes.Success, string.Empty), (code, error));
        Assert.Contains("Created alice/new: ", output, StringComparison.Ordinal);
        Assert.Contains("  + app.py  14 B", output, StringComparison.Ordinal);
        Assert.Equal("import gradio\n"u8.ToArray(), Emulator.Hub.FileContent("alice/new", "app.py"));
        Assert.Equal("RUNNING", Emulator.Hub.StageOf("alice/new"));
    }

    [Fact]
    public async Task Dry_run_sends_nothing_and_delete_removes_what_the_folder_lacks()
    {
        await Run("create", "alice/chat", "--sdk", "gradio");
        Write("app.py", "a");
        Write("old.py", "b");
        await Run("deploy", "alice/chat", _app);
        File.Delete(Path.Combine(_app, "old.py"));
        var head = Emulator.Hub.HeadCommit("alice/chat");

        var (code, output, _) = await Run("deploy", "alice/chat", _app, "--delete", "--dry-run");
        Assert.Equal(ExitCodes.Success, code);
        Assert.Contains("  - old.py", output, StringComparison.Ordinal);
        Assert.Equal(head, Emulator.Hub.HeadCommit("alice/chat"));

        (code, _, _) = await Run("deploy", "alice/chat", _app, "--delete");
        Assert.Equal(ExitCodes.Success, code);
        Assert.Null(Emulator.Hub.FileContent("alice/chat", "old.py"));
        Assert.NotNull(Emulator.Hub.FileContent("alice/chat", "README.md"));
    }

    [Fact]
    public async Task A_credential_file_refuses_the_deploy_with_usage_exit_and_how_to_send_it_on_purpose()
    {
        await Run("create", "alice/chat", "--sdk", "gradio");
        Write("app.py", "a");
        Write(".env", "OPENAI_API_KEY=sk-live-123\n");
        Emulator.ClearRequests();

        var (code, output, error) = await Run("deploy", "alice/chat", _app);

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Equal(string.Empty, output);
        Assert.StartsWith("error: Refused: 1 file(s) look like credentials and would be public in the Space's repository: .env (its name is a credential file's).", error, StringComparison.Ordinal);
        Assert.Contains("--allow-secret-file PATH", error, StringComparison.Ordinal);
        Assert.DoesNotContain("sk-live-123", error, StringComparison.Ordinal);
        Assert.DoesNotContain(Emulator.Requests, r => r.Method == "POST");

        (code, _, _) = await Run("deploy", "alice/chat", _app, "--allow-secret-file", ".env");
        Assert.Equal(ExitCodes.Success, code);
    }

    [Fact]
    public async Task A_folder_that_is_not_there_is_a_usage_error()
    {
        var missing = Path.Combine(_app, "nope");

        var (code, output, error) = await Run("deploy", "alice/chat", missing);

        Assert.Equal((ExitCodes.Usage, string.Empty, $"error: No folder {missing} to sync."), (code, output, error.Trim()));
    }

    [Fact]
    public async Task Json_gives_one_event_per_step()
    {
        await Run("create", "alice/chat", "--sdk", "gradio");
        Write("app.py", "a");

        var (code, output, _) = await Run("deploy", "alice/chat", _app, "--wait", "--json");

        Assert.Equal(ExitCodes.Success, code);
        var events = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(["plan", "uploaded", "committed", "stage"], events.Select(e => e.GetProperty("event").GetString()));
        Assert.Equal(1, events[0].GetProperty("add").GetInt32());
        Assert.Equal("app.py", events[1].GetProperty("path").GetString());
        Assert.Equal("RUNNING", events[3].GetProperty("stage").GetString());
    }

    [Fact]
    public async Task Wait_on_a_broken_build_exits_7_with_the_build_log()
    {
        await Run("create", "alice/chat", "--sdk", "docker");
        Write("app.py", "a"); // no Dockerfile

        var (code, _, error) = await Run("deploy", "alice/chat", _app, "--wait");

        Assert.Equal(ExitCodes.NotRunning, code);
        Assert.Contains("error: alice/chat ended NO_APP_FILE, not RUNNING.", error, StringComparison.Ordinal);
        Assert.Matches(@"build: No application file: Dockerfile is not in [0-9a-f]{7}", error);
    }

    [Fact]
    public async Task Files_ls_get_and_rm()
    {
        await Run("create", "alice/chat", "--sdk", "gradio");
        Write("app.py", "print('hi')\n");
        Write("src/util.py", "x = 1\n");
        await Run("deploy", "alice/chat", _app);

        var (code, output, _) = await Run("files", "ls", "alice/chat", "--recursive");
        Assert.Equal(ExitCodes.Success, code);
        Assert.Matches(@"PATH\s+SIZE\s+ID", output);
        Assert.Matches(@"src/\s", output);
        Assert.Matches(@"src/util\.py\s+6 B\s+[0-9a-f]{12}", output);

        (code, output, _) = await Run("files", "get", "alice/chat", "app.py");
        Assert.Equal((ExitCodes.Success, "print('hi')\n"), (code, output));
        var target = Path.Combine(_app, "downloaded.py");
        (code, _, var error) = await Run("files", "get", "alice/chat", "src/util.py", "-o", target);
        Assert.Equal("x = 1\n", File.ReadAllText(target));
        Assert.StartsWith($"Wrote 6 B to {target} (at ", error, StringComparison.Ordinal);

        (code, _, error) = await Run("files", "rm", "alice/chat", "src/");
        Assert.Equal((ExitCodes.Usage, "error: Deleting files needs a confirmation: pass --yes.\n"), (code, error.ReplaceLineEndings("\n")));
        (code, output, _) = await Run("files", "rm", "alice/chat", "src/", "--yes");
        Assert.Equal(ExitCodes.Success, code);
        Assert.Matches(@"Deleted 1 path\(s\) in [0-9a-f]{7}", output);
        Assert.Null(Emulator.Hub.FileContent("alice/chat", "src/util.py"));
    }

    [Fact]
    public async Task A_manifest_source_is_planned_by_content_and_applied_between_the_settings_and_the_hardware()
    {
        var manifest = Path.Combine(_app, "spaces.yaml");
        Directory.CreateDirectory(Path.Combine(_app, "chat"));
        File.WriteAllText(Path.Combine(_app, "chat", "app.py"), "import gradio\n");
        File.WriteAllText(manifest, "spaces:\n  alice/chat:\n    sdk: gradio\n    source: ./chat\n    variables:\n      MODEL: gpt2\n");

        var (code, output, _) = await Run("plan", "-f", manifest);
        Assert.Equal(2, code);
        Assert.Contains("  + files: the files of ./chat", output, StringComparison.Ordinal);
        (code, _, _) = await Run("apply", "-f", manifest, "--yes");
        Assert.Equal(ExitCodes.Success, code);
        Assert.Equal("import gradio\n"u8.ToArray(), Emulator.Hub.FileContent("alice/chat", "app.py"));
        Assert.Equal("RUNNING", Emulator.Hub.StageOf("alice/chat"));
        (code, output, _) = await Run("plan", "-f", manifest);
        Assert.Equal((ExitCodes.Success, "alice/chat: no changes\nNo changes: 1 Space(s) match the manifest.\n"), (code, output.ReplaceLineEndings("\n")));

        // Only the files differ: exit 2, the change named, the paths with --detailed; apply sends one commit before the hardware.
        File.WriteAllText(Path.Combine(_app, "chat", "app.py"), "import gradio\nprint(2)\n");
        File.WriteAllText(manifest, File.ReadAllText(manifest) + "    hardware: t4-small\n");
        (code, output, _) = await Run("plan", "-f", manifest, "--detailed");
        Assert.Equal(2, code);
        Assert.Matches(@"  ~ files \(on [0-9a-f]{7}\): \+0 ~1 -0 files, 23 bytes; the Space rebuilds\n  ~ hardware: cpu-basic → t4-small\n      ~ app\.py\n", output.ReplaceLineEndings("\n"));
        Emulator.ClearRequests();
        (code, _, _) = await Run("apply", "-f", manifest, "--yes");
        Assert.Equal(ExitCodes.Success, code);
        var writes = Emulator.Requests.Where(r => r.Method == "POST" && (r.Path.EndsWith("/commit/main", StringComparison.Ordinal) || r.Path.EndsWith("/hardware", StringComparison.Ordinal))).Select(r => r.Path.Split('/')[^1]).ToList();
        Assert.Equal(["main", "hardware"], writes);
        (code, _, _) = await Run("plan", "-f", manifest);
        Assert.Equal(ExitCodes.Success, code);
    }

    [Fact]
    public async Task On_a_terminal_the_upload_redraws_a_progress_bar_in_place()
    {
        await Run("create", "alice/chat", "--sdk", "gradio");
        Write("app.py", "import gradio\n");
        File.WriteAllBytes(Path.Combine(_app, "model.bin"), new byte[300_000]); // binary: through LFS
        Emulator.AddFault(new HfSpaces.Emulator.Hosting.FaultRule { Method = "POST", PathPattern = "/spaces/alice/chat.git/info/lfs/objects/verify", Delay = TimeSpan.FromSeconds(1) });
        LiveDisplay = true;

        var (code, output, _) = await Run("deploy", "alice/chat", _app);

        Assert.Equal(ExitCodes.Success, code);
        Assert.Contains("2 to add, 0 to change, 0 to delete", output, StringComparison.Ordinal);
        Assert.Contains("\u001b[?25l", output, StringComparison.Ordinal); // the cursor hidden while it redraws
        Assert.Contains("\u001b[?25h", output, StringComparison.Ordinal); // and shown again
        // The verify is held 1 s and the display refreshes every 100: the same frame is drawn again and again, each
        // time after moving the cursor back up over the last one (in place, not scrolling).
        Assert.True(System.Text.RegularExpressions.Regex.Count(output, "Uploading model\\.bin") >= 2, output);
        Assert.True(System.Text.RegularExpressions.Regex.Count(output, "\u001b\\[2A") >= 2, output);
        var last = output[output.LastIndexOf("Uploaded", StringComparison.Ordinal)..];
        Assert.Matches(@"^Uploaded\s+━+\s+100%\s+293\.0 KiB\s+00:00:00", System.Text.RegularExpressions.Regex.Replace(last, "\u001b\\[[0-9;?]*[A-Za-z]", string.Empty));
        Assert.DoesNotContain("  sent app.py", output, StringComparison.Ordinal); // the piped lines are for pipes
    }

    [Fact]
    public async Task Hot_reload_updates_a_running_gradio_space_without_a_rebuild()
    {
        Assert.Equal(ExitCodes.Success, (await Run("create", "alice/chat", "--sdk", "gradio")).Code);
        Write("app.py", "print(1)\n");
        Assert.Equal(ExitCodes.Success, (await Run("deploy", "alice/chat", _app, "--wait")).Code);
        Write("app.py", "print(2)\n");

        var (code, output, _) = await Run("deploy", "alice/chat", _app, "--hot-reload");

        Assert.Equal(ExitCodes.Success, code);
        Assert.Contains("9 B to send; a running gradio Space reloads Python files in place, otherwise it rebuilds once.", output, StringComparison.Ordinal);
        using var client = new HfSpacesClient(new HfSpacesClientOptions { Endpoint = Emulator.Endpoint, Token = Token, UseImplicitToken = false });
        var runtime = await client.GetRuntimeAsync("alice/chat");
        Assert.Equal(SpaceStage.Running, runtime.Stage);
        Assert.Equal("created", runtime.HotReloading?.Status);
        Assert.Equal("print(2)\n"u8.ToArray(), Emulator.Hub.FileContent("alice/chat", "app.py"));
    }

    [Fact]
    public async Task Export_with_files_downloads_each_space_and_plans_clean()
    {
        await Run("create", "alice/chat", "--sdk", "gradio");
        Write("app.py", "import gradio\n");
        File.WriteAllBytes(Path.Combine(_app, "weights.bin"), [0, 1, 2, 3]); // LFS: downloaded through the redirect
        Assert.Equal(ExitCodes.Success, (await Run("deploy", "alice/chat", _app, "--wait")).Code);
        var export = Path.Combine(_app, "..", Path.GetFileName(_app) + "-export");
        try
        {
            var manifest = Path.Combine(export, "spaces.yaml");
            Directory.CreateDirectory(export);

            var (code, _, error) = await Run("export", "alice/chat", "-o", manifest, "--with-files", Path.Combine(export, "files"));

            Assert.Equal(ExitCodes.Success, code);
            Assert.Contains("Wrote the files of 1 Space(s) below ", error, StringComparison.Ordinal);
            Assert.Contains("    source: \"./files/alice/chat\"\n", File.ReadAllText(manifest), StringComparison.Ordinal);
            Assert.Equal("import gradio\n", File.ReadAllText(Path.Combine(export, "files", "alice", "chat", "app.py")));
            Assert.Equal([0, 1, 2, 3], File.ReadAllBytes(Path.Combine(export, "files", "alice", "chat", "weights.bin")));
            Assert.Equal(Emulator.Hub.FileContent("alice/chat", "README.md"), File.ReadAllBytes(Path.Combine(export, "files", "alice", "chat", "README.md")));
            var (planned, output, _) = await Run("plan", "-f", manifest);
            Assert.Equal((ExitCodes.Success, "alice/chat: no changes\nNo changes: 1 Space(s) match the manifest.\n"), (planned, output.ReplaceLineEndings("\n")));

            // Exporting again into the same folder would mix two versions: refused, before anything is read or written.
            (code, _, error) = await Run("export", "alice/chat", "-o", manifest, "--with-files", Path.Combine(export, "files"));
            Assert.Equal(ExitCodes.Usage, code);
            Assert.Contains("files/alice/chat is not empty: the export writes each Space's files into a folder of its own", error, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(export, recursive: true);
        }
    }

    private void Write(string path, string content)
    {
        var full = Path.Combine(_app, path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, content);
    }
}
