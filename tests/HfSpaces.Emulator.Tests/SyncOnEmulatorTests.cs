using System.Text;
using HfSpaces.Emulator.State;
using Microsoft.Extensions.Time.Testing;

namespace HfSpaces.Emulator.Tests;

/// <summary>A local folder synced to a Space through the SDK on the emulator: the plan, only what changed sent, ignore rules, credentials refused.</summary>
public sealed class SyncOnEmulatorTests : IAsyncLifetime, IDisposable
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 29, 12, 0, 0, TimeSpan.Zero));
    private readonly string _folder = Directory.CreateTempSubdirectory("hfspaces-sync-").FullName;
    private HfSpacesEmulator _emulator = null!;
    private HfSpacesClient _client = null!;

    public async Task InitializeAsync()
    {
        _emulator = await HfSpacesEmulator.StartAsync(new EmulatorOptions
        {
            Timings = new StageTimings(TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(5)),
            TimeProvider = _clock,
            Accounts = new Dictionary<string, string> { ["alice"] = "hf_alice" },
        });
        _client = new HfSpacesClient(new HfSpacesClientOptions { Endpoint = _emulator.Endpoint, Token = "hf_alice", UseImplicitToken = false, MaxRetries = 0 });
        await _client.CreateSpaceAsync("alice/chat", new CreateSpaceOptions { Sdk = SpaceSdk.Gradio });
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _emulator.DisposeAsync();
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task An_empty_space_gets_the_folder_then_only_what_changed_and_nothing_when_nothing_did()
    {
        Write("app.py", "import gradio as gr\nprint(1)\n");
        Write("requirements.txt", "gradio\n");
        Write(".gitignore", "*.pyc\n/build/\n");
        Write("cache.pyc", "x");
        Write("build/out.txt", "x");
        Write(".git/config", "[core]");
        Write("src/lib/util.py", "x = 1\n");

        var first = await _client.SyncFolderAsync("alice/chat", _folder, new SpaceSyncOptions { Message = "Deploy" });

        Assert.Equal(
            [(".gitignore", SpaceSyncChangeKind.Add), ("app.py", SpaceSyncChangeKind.Add), ("requirements.txt", SpaceSyncChangeKind.Add), ("src/lib/util.py", SpaceSyncChangeKind.Add)],
            first.Plan.Changes.Select(c => (c.Path, c.Kind)));
        Assert.Equal([("build/out.txt", ".gitignore: /build/"), ("cache.pyc", ".gitignore: *.pyc")], first.Plan.Ignored.Select(i => (i.Path, i.Reason)).Order());
        Assert.Equal(Encoding.UTF8.GetBytes("gradio\n"), _emulator.Hub.FileContent("alice/chat", "requirements.txt"));
        Assert.Equal(first.Commit!.Id, _emulator.Hub.HeadCommit("alice/chat"));
        _clock.Advance(TimeSpan.FromSeconds(15));
        Assert.Equal(SpaceStage.Running, (await _client.GetRuntimeAsync("alice/chat")).Stage);

        Write("app.py", "import gradio as gr\nprint(2)\n");
        _emulator.ClearRequests();
        var second = await _client.SyncFolderAsync("alice/chat", _folder);

        Assert.Equal([("app.py", SpaceSyncChangeKind.Change)], second.Plan.Changes.Select(c => (c.Path, c.Kind)));
        Assert.Equal(3, second.Plan.Unchanged); // .gitignore, requirements.txt, src/lib/util.py
        var commit = Assert.Single(_emulator.Requests, r => r.Path == "/api/spaces/alice/chat/commit/main");
        var lines = commit.Body.TrimEnd('\n').Split('\n');
        Assert.Equal(2, lines.Length); // the header and app.py: nothing else is sent
        Assert.Contains("\"path\":\"app.py\"", lines[1], StringComparison.Ordinal);
        Assert.Contains($"\"parentCommit\":\"{first.Commit.Id}\"", lines[0], StringComparison.Ordinal);

        _emulator.ClearRequests();
        var third = await _client.SyncFolderAsync("alice/chat", _folder);
        Assert.Null(third.Commit);
        Assert.DoesNotContain(_emulator.Requests, r => r.Method == "POST");
    }

    [Fact]
    public async Task Delete_missing_removes_what_the_folder_lacks_but_keeps_the_readme_and_ignored_files()
    {
        Write("app.py", "a");
        Write("old.py", "b");
        await _client.SyncFolderAsync("alice/chat", _folder);
        File.Delete(Path.Combine(_folder, "old.py"));

        var plain = await _client.PlanSyncAsync("alice/chat", _folder);
        var deleting = await _client.SyncFolderAsync("alice/chat", _folder, new SpaceSyncOptions { DeleteMissing = true });

        Assert.False(plain.HasChanges);
        Assert.Equal([("old.py", SpaceSyncChangeKind.Delete)], deleting.Plan.Changes.Select(c => (c.Path, c.Kind)));
        Assert.Equal(["README.md", "app.py"], await _client.ListFilesAsync("alice/chat", recursive: true).Select(f => f.Path).ToListAsync());
    }

    [Fact]
    public async Task Files_that_look_like_credentials_refuse_the_sync_before_anything_is_sent()
    {
        Write("app.py", "import os\n");
        Write(".env", "OPENAI_API_KEY=sk-live-123\n");
        Write("config.py", "TOKEN = 'hf_abcdefghijklmnopqrstuvwxyz0123456789'\n");
        Write("certs/server.pem", "x");
        _emulator.ClearRequests();

        var refused = await Assert.ThrowsAsync<SpaceCredentialFilesException>(() => _client.SyncFolderAsync("alice/chat", _folder));

        Assert.Equal(
            [(".env", "its name is a credential file's"), ("certs/server.pem", "its name is a credential file's"), ("config.py", "it holds a Hugging Face token (hf_…)")],
            refused.Files.Select(f => (f.Path, f.Reason)));
        Assert.DoesNotContain("sk-live-123", refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("hf_abcdefghijklmnopqrstuvwxyz0123456789", refused.Message, StringComparison.Ordinal);
        Assert.Contains("AllowCredentialFiles", refused.Message, StringComparison.Ordinal);
        Assert.Empty(_emulator.Requests);

        var allowed = await Assert.ThrowsAsync<SpaceCredentialFilesException>(() => _client.SyncFolderAsync("alice/chat", _folder, new SpaceSyncOptions { AllowCredentialFiles = [".env", "certs/*.pem"] }));
        Assert.Equal(["config.py"], allowed.Files.Select(f => f.Path));
    }

    [Fact]
    public async Task A_plan_overtaken_by_another_commit_fails_as_a_conflict_naming_the_new_head()
    {
        Write("app.py", "mine");
        var plan = await _client.PlanSyncAsync("alice/chat", _folder);
        var theirs = await _client.CommitAsync("alice/chat", [SpaceCommitOperation.Add("app.py", "theirs"u8.ToArray())], "Someone else");

        var conflict = await Assert.ThrowsAsync<HfSpacesConflictException>(() => _client.CommitPlanAsync(plan));

        Assert.Equal(theirs.Id, conflict.CurrentCommit);
        Assert.Equal("theirs"u8.ToArray(), _emulator.Hub.FileContent("alice/chat", "app.py"));
    }

    private void Write(string path, string content)
    {
        var full = Path.Combine(_folder, path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, content);
    }
}
