using HfSpaces.Emulator.State;
using Microsoft.Extensions.Time.Testing;

namespace HfSpaces.Emulator.Tests;

/// <summary>A Space's whole life through the SDK on the emulator: create, find, inspect, configure, delete.</summary>
public sealed class LifecycleOnEmulatorTests : IAsyncLifetime
{
    private const string Token = "hf_alice_emulator";
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 29, 12, 0, 0, TimeSpan.Zero));
    private HfSpacesEmulator _emulator = null!;
    private HfSpacesClient _client = null!;

    public async Task InitializeAsync()
    {
        _emulator = await HfSpacesEmulator.StartAsync(new EmulatorOptions
        {
            Timings = new StageTimings(TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(5)),
            TimeProvider = _clock,
            Accounts = new Dictionary<string, string> { ["alice"] = Token, ["bob"] = "hf_bob" },
            Spaces = [new SpaceSeed("alice/demo"), new SpaceSeed("bob/other")],
        });
        _client = new HfSpacesClient(new HfSpacesClientOptions { Endpoint = _emulator.Endpoint, Token = Token, UseImplicitToken = false, MaxRetries = 0 });
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _emulator.DisposeAsync();
    }

    [Fact]
    public async Task Create_list_inspect_configure_and_delete_a_space()
    {
        _clock.Advance(TimeSpan.FromMinutes(1)); // newest first: the new Space lists before the seeded one
        var created = await _client.CreateSpaceAsync("alice/chat", new CreateSpaceOptions
        {
            Sdk = SpaceSdk.Gradio,
            Visibility = SpaceVisibility.Private,
            Hardware = SpaceHardware.T4Small,
            SleepTime = TimeSpan.FromHours(1),
            Secrets = [new SpaceSecretValue("OPENAI_API_KEY", "sk-test")],
            Variables = [new SpaceVariableValue("MODEL", "gpt2", "served model")],
        });

        Assert.Equal((new SpaceId("alice", "chat"), new Uri(_emulator.Endpoint, "spaces/alice/chat"), false, true), (created.Id, created.Url, created.AlreadyExisted, created.HardwareApplied));
        Assert.Equal((SpaceStage.Building, null, SpaceHardware.T4Small, TimeSpan.FromHours(1)), (created.Runtime!.Stage, created.Runtime.Hardware, created.Runtime.RequestedHardware, created.Runtime.SleepTime));
        Assert.Equal("sk-test", _emulator.Hub.SecretValue("alice/chat", "OPENAI_API_KEY"));
        Assert.Equal("gpt2", (await _client.ListVariablesAsync("alice/chat"))["MODEL"].Value);

        var mine = await _client.ListSpacesAsync(new SpaceListQuery { Author = "alice", Expand = [SpaceExpand.Private, SpaceExpand.Sdk] }).ToListAsync();
        Assert.Equal(["alice/chat", "alice/demo"], mine.Select(s => s.Id.ToString()));
        Assert.Equal((true, SpaceSdk.Gradio), (mine[0].Private, mine[0].Sdk));

        // A new Space holds only its README: the build finds no app.py and it ends NO_APP_FILE, as on the Hub.
        _clock.Advance(TimeSpan.FromSeconds(15));
        var empty = await _client.GetRuntimeAsync("alice/chat");
        Assert.Equal((SpaceStage.NoAppFile, null, SpaceHardware.T4Small), (empty.Stage, empty.Hardware, empty.RequestedHardware));
        Assert.Equal(["README.md"], await _client.ListFilesAsync("alice/chat").Select(f => f.Path).ToListAsync());

        var commit = await _client.CommitAsync("alice/chat", [SpaceCommitOperation.Add("app.py", "import gradio as gr\n"u8.ToArray())], "Add the app");
        Assert.Equal(SpaceStage.Building, (await _client.GetRuntimeAsync("alice/chat")).Stage);
        _clock.Advance(TimeSpan.FromSeconds(15));
        var info = await _client.GetSpaceInfoAsync("alice/chat", [SpaceExpand.Runtime, SpaceExpand.Private]);
        Assert.Equal((true, SpaceStage.Running, SpaceHardware.T4Small), (info.Private, info.Runtime!.Stage, info.Runtime.Hardware));
        Assert.Equal(commit.Id, await _client.GetCommitIdAsync("alice/chat"));
        Assert.Null(info.Sdk); // not expanded

        await _client.UpdateSettingsAsync("alice/chat", new SpaceSettings { Visibility = SpaceVisibility.Public, Gated = SpaceGating.Manual });
        var changed = await _client.GetSpaceInfoAsync("alice/chat");
        Assert.Equal((false, SpaceGating.Manual), (changed.Private, changed.Gated));

        Assert.True(await _client.DeleteSpaceAsync("alice/chat"));
        await Assert.ThrowsAsync<HfSpacesNotFoundException>(() => _client.GetSpaceInfoAsync("alice/chat"));
        Assert.False(await _client.DeleteSpaceAsync("alice/chat", missingOk: true));
        await Assert.ThrowsAsync<HfSpacesNotFoundException>(() => _client.DeleteSpaceAsync("alice/chat"));
    }

    [Fact]
    public async Task Creating_a_space_that_exists_is_a_conflict_unless_exist_ok()
    {
        var conflict = await Assert.ThrowsAsync<HfSpacesConflictException>(() => _client.CreateSpaceAsync("alice/demo", new CreateSpaceOptions { Sdk = SpaceSdk.Docker }));
        Assert.Equal("POST /api/repos/create answered 409 Conflict: You already created this space repo. Request id: Root=1-emulator-000001.", conflict.Message);

        var existing = await _client.CreateSpaceAsync("alice/demo", new CreateSpaceOptions { Sdk = SpaceSdk.Docker, Hardware = SpaceHardware.A10gSmall, ExistOk = true });

        Assert.Equal((true, new Uri(_emulator.Endpoint, "spaces/alice/demo"), null), (existing.AlreadyExisted, existing.Url, existing.HardwareApplied));
        Assert.Equal(SpaceHardware.CpuBasic, (await _client.GetRuntimeAsync("alice/demo")).Hardware);
    }

    [Fact]
    public async Task Hardware_the_hub_ignores_at_creation_is_reported_not_assumed()
    {
        _emulator.Hub.IgnoreHardwareAtCreation = true;

        var created = await _client.CreateSpaceAsync("alice/gpu", new CreateSpaceOptions { Sdk = SpaceSdk.Gradio, Hardware = SpaceHardware.A10gSmall });

        Assert.Equal((false, SpaceHardware.CpuBasic), (created.HardwareApplied, created.Runtime!.RequestedHardware));
    }

    [Fact]
    public async Task Listing_follows_the_next_links_lazily_and_stops_at_the_limit()
    {
        _emulator.Hub.ListPageSize = 2;
        for (var i = 0; i < 5; i++)
        {
            _emulator.Hub.AddSpace(new SpaceSeed($"acme/s{i}"));
        }

        _emulator.ClearRequests();
        var all = await _client.ListSpacesAsync(new SpaceListQuery { Author = "acme" }).ToListAsync();
        Assert.Equal(5, all.Count);
        Assert.Equal(["author=acme", "author=acme&cursor=2", "author=acme&cursor=4"], _emulator.Requests.Select(r => r.Query));

        _emulator.ClearRequests();
        var three = await _client.ListSpacesAsync(new SpaceListQuery { Author = "acme", Limit = 3 }).ToListAsync();
        Assert.Equal(3, three.Count);
        Assert.Equal(2, _emulator.Requests.Count);

        _emulator.ClearRequests();
        await foreach (var first in _client.ListSpacesAsync(new SpaceListQuery { Author = "acme" }))
        {
            Assert.NotNull(first);
            break;
        }

        Assert.Single(_emulator.Requests);
    }

    [Fact]
    public async Task Private_spaces_of_others_are_not_listed_and_cannot_be_deleted()
    {
        _emulator.Hub.AddSpace(new SpaceSeed("bob/hidden", Private: true));

        var all = await _client.ListSpacesAsync().ToListAsync();

        Assert.DoesNotContain(all, s => s.Id.ToString() == "bob/hidden");
        Assert.Contains(all, s => s.Id.ToString() == "bob/other");
        await Assert.ThrowsAsync<HfSpacesForbiddenException>(() => _client.DeleteSpaceAsync("bob/other"));
        await Assert.ThrowsAsync<HfSpacesNotFoundException>(() => _client.DeleteSpaceAsync("bob/hidden"));
        Assert.True(_emulator.Hub.Exists("bob/other"));
    }

    [Fact]
    public async Task Templates_quota_and_replicas()
    {
        var templates = await _client.ListTemplatesAsync();
        Assert.Contains(templates, t => t.RepoId == "gradio-templates/chatbot" && t.Sdk == SpaceSdk.Gradio);

        _emulator.Hub.UseZeroGpu("alice", 300);
        var quota = await _client.GetZeroGpuQuotaAsync();
        Assert.Equal((TimeSpan.FromSeconds(1500), TimeSpan.FromSeconds(1200)), (quota.Base, quota.Remaining));

        var onCpuBasic = await Assert.ThrowsAsync<HfSpacesException>(() => _client.SetReplicasAsync("alice/demo", 2));
        Assert.Equal(400, (int?)onCpuBasic.StatusCode);
        await _client.RequestHardwareAsync("alice/demo", SpaceHardware.T4Small);
        await _client.SetReplicasAsync("alice/demo", 3);
        Assert.Equal(new SpaceReplicas { Requested = 3, Current = 3 }, (await _client.GetRuntimeAsync("alice/demo")).Replicas);
        await _client.SetAutoReplicasAsync("alice/demo");
        Assert.Equal(new SpaceReplicas { Requested = null, Current = 1, IsAuto = true }, (await _client.GetRuntimeAsync("alice/demo")).Replicas);
    }

    [Fact]
    public async Task Bad_input_is_refused_before_anything_is_sent()
    {
        _emulator.ClearRequests();

        var noSdk = Assert.Throws<ArgumentException>(() => _client.CreateSpaceAsync("alice/x", new CreateSpaceOptions()).GetAwaiter().GetResult());
        var zeroGpu = Assert.Throws<ArgumentException>(() => _client.CreateSpaceAsync("alice/x", new CreateSpaceOptions { Sdk = SpaceSdk.Docker, Hardware = SpaceHardware.ZeroA10g }).GetAwaiter().GetResult());
        var nothing = Assert.Throws<ArgumentException>(() => _client.UpdateSettingsAsync("alice/demo", new SpaceSettings()).GetAwaiter().GetResult());
        Assert.Throws<ArgumentOutOfRangeException>(() => _client.ListSpacesAsync(new SpaceListQuery { Limit = 0 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => _client.SetReplicasAsync("alice/demo", 0).GetAwaiter().GetResult());

        Assert.StartsWith("options is the default value; use CreateSpaceOptions.Sdk = SpaceSdk.Gradio", noSdk.Message, StringComparison.Ordinal);
        Assert.StartsWith("ZeroGPU hardware (zero-a10g) runs gradio Spaces only; this Space's SDK is 'docker'.", zeroGpu.Message, StringComparison.Ordinal);
        Assert.StartsWith("SpaceSettings has nothing to change: set Visibility and/or Gated.", nothing.Message, StringComparison.Ordinal);
        Assert.Empty(_emulator.Requests);
    }
}
