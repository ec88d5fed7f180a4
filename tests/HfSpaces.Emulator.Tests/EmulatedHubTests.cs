using HfSpaces.Emulator.State;
using Microsoft.Extensions.Time.Testing;

namespace HfSpaces.Emulator.Tests;

/// <summary>The state machine on its own, with a manual clock.</summary>
public sealed class EmulatedHubTests
{
    private static readonly StageTimings Timings = new(TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(5));
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 29, 12, 0, 0, TimeSpan.Zero));
    private readonly EmulatedHub _hub;
    private readonly EmulatedAccount _alice;
    private readonly EmulatedAccount _bob;

    public EmulatedHubTests()
    {
        _hub = new EmulatedHub(Timings, _clock);
        _alice = _hub.AddAccount("alice", "hf_alice", "acme");
        _bob = _hub.AddAccount("bob", "hf_bob");
        _hub.AddSpace(new SpaceSeed("alice/demo"));
        _hub.AddSpace(new SpaceSeed("alice/site", Sdk: "static"));
        _hub.AddSpace(new SpaceSeed("alice/secret-project", Private: true));
    }

    [Fact]
    public void A_running_space_keeps_serving_on_its_old_hardware_while_it_rebuilds_on_the_new_one()
    {
        var answer = _hub.RequestHardware(_alice, "alice", "demo", "t4-small", 3600);

        Assert.Equal(("RUNNING_BUILDING", "cpu-basic", "t4-small", 3600), (answer.Stage, answer.Hardware.Current, answer.Hardware.Requested, answer.GcTimeout));
        _clock.Advance(TimeSpan.FromSeconds(9));
        Assert.Equal(("RUNNING_BUILDING", "cpu-basic"), Stage(_hub.Runtime(_alice, "alice", "demo")));
        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(("RUNNING_APP_STARTING", "cpu-basic"), Stage(_hub.Runtime(_alice, "alice", "demo")));
        _clock.Advance(TimeSpan.FromSeconds(5));
        var running = _hub.Runtime(_alice, "alice", "demo");
        Assert.Equal(("RUNNING", "t4-small", "t4-small"), (running.Stage, running.Hardware.Current, running.Hardware.Requested));
    }

    [Fact]
    public void Instant_timings_answer_building_then_running_on_the_next_read()
    {
        _hub.Timings = StageTimings.Instant;

        Assert.Equal("RUNNING_BUILDING", _hub.RequestHardware(_alice, "alice", "demo", "a10g-small", null).Stage);
        Assert.Equal("RUNNING", _hub.Runtime(_alice, "alice", "demo").Stage);
    }

    [Fact]
    public void A_paused_space_restarts_from_building_with_no_hardware_until_it_runs()
    {
        _hub.Pause(_alice, "alice", "demo");

        var answer = _hub.Restart(_alice, "alice", "demo", factory: false);

        Assert.Equal(("BUILDING", null), Stage(answer));
        _clock.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(("APP_STARTING", null), Stage(_hub.Runtime(_alice, "alice", "demo")));
        _clock.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(("RUNNING", "cpu-basic"), Stage(_hub.Runtime(_alice, "alice", "demo")));
    }

    private static (string Stage, string? Current) Stage(HfSpaces.Emulator.Generated.SpaceRuntime runtime) => (runtime.Stage, runtime.Hardware.Current);

    [Fact]
    public void Cpu_basic_sleep_time_stays_fixed_at_48_hours()
    {
        var answer = _hub.SetSleepTime(_alice, "alice", "demo", 600);

        Assert.Equal(172800, answer.GcTimeout);
    }

    [Fact]
    public void Upgraded_hardware_takes_the_sleep_time_and_minus_one_means_never()
    {
        _hub.RequestHardware(_alice, "alice", "demo", "t4-small", null);

        Assert.Equal(600, _hub.SetSleepTime(_alice, "alice", "demo", 600).GcTimeout);
        Assert.Null(_hub.SetSleepTime(_alice, "alice", "demo", -1).GcTimeout);
        Assert.Equal(400, Assert.Throws<HubError>(() => _hub.SetSleepTime(_alice, "alice", "demo", 0)).Status);
    }

    [Fact]
    public void Pause_then_restart_unpauses_through_a_build()
    {
        Assert.Equal("PAUSED", _hub.Pause(_alice, "alice", "demo").Stage);
        Assert.Equal("PAUSED", _hub.Runtime(_alice, "alice", "demo").Stage);

        Assert.Equal("BUILDING", _hub.Restart(_alice, "alice", "demo", factory: true).Stage);
        _clock.Advance(TimeSpan.FromSeconds(15));
        var running = _hub.Runtime(_alice, "alice", "demo");
        Assert.Equal(("RUNNING", "cpu-basic"), (running.Stage, running.Hardware.Current));
        Assert.Contains(_hub.Logs(_alice, "alice", "demo", "build", null), l => l.Line.StartsWith("Factory reboot", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("pause")]
    [InlineData("restart")]
    [InlineData("hardware")]
    [InlineData("dev-mode")]
    [InlineData("volumes")]
    public void Static_spaces_refuse_runtime_changes_with_400(string operation)
    {
        Action call = operation switch
        {
            "pause" => () => _hub.Pause(_alice, "alice", "site"),
            "restart" => () => _hub.Restart(_alice, "alice", "site", false),
            "hardware" => () => _hub.RequestHardware(_alice, "alice", "site", "t4-small", null),
            "dev-mode" => () => _hub.SetDevMode(_alice, "alice", "site", true),
            _ => () => _hub.SetVolumes(_alice, "alice", "site", []),
        };

        Assert.Equal(400, Assert.Throws<HubError>(call).Status);
    }

    [Fact]
    public void Static_spaces_report_null_hardware()
    {
        var runtime = _hub.Runtime(null, "alice", "site");

        Assert.Null(runtime.Hardware.Current);
        Assert.Null(runtime.Hardware.Requested);
        Assert.Null(runtime.GcTimeout);
    }

    [Fact]
    public void Unknown_flavors_are_refused_with_the_valid_list()
    {
        var error = Assert.Throws<HubError>(() => _hub.RequestHardware(_alice, "alice", "demo", "t4-smal", null));

        Assert.Equal(400, error.Status);
        Assert.StartsWith("Invalid hardware flavor 't4-smal'. Valid flavors: cpu-basic, cpu-upgrade,", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Access_rules_follow_the_hub()
    {
        Assert.Equal(401, Assert.Throws<HubError>(() => _hub.Pause(null, "alice", "demo")).Status);
        Assert.Equal(403, Assert.Throws<HubError>(() => _hub.Pause(_bob, "alice", "demo")).Status);
        Assert.Equal(404, Assert.Throws<HubError>(() => _hub.Runtime(_bob, "alice", "secret-project")).Status);
        Assert.Equal(401, Assert.Throws<HubError>(() => _hub.Runtime(null, "alice", "secret-project")).Status);
        var missing = Assert.Throws<HubError>(() => _hub.Runtime(_alice, "alice", "nope"));
        Assert.Equal(("RepoNotFound", 404), (missing.Code, missing.Status));
        Assert.Equal("RUNNING", _hub.Runtime(null, "alice", "demo").Stage);
        Assert.Equal(401, Assert.Throws<HubError>(() => _hub.Authenticate("Bearer hf_wrong")).Status);
        Assert.Equal(_alice, _hub.Authenticate("Bearer hf_alice"));
    }

    [Fact]
    public void Secrets_are_stored_but_never_listed_with_values_and_unknown_deletes_succeed()
    {
        _hub.UpsertSecret(_alice, "alice", "demo", "API_KEY", "sk-1", "desc");
        _hub.UpsertSecret(_alice, "alice", "demo", "API_KEY", "sk-2", null);
        _hub.DeleteSecret(_alice, "alice", "demo", "NEVER_EXISTED");

        var secrets = _hub.ListSecrets(_alice, "alice", "demo");
        Assert.Equal(["API_KEY"], secrets.Keys);
        Assert.Null(secrets["API_KEY"].Description);
        Assert.Equal("sk-2", _hub.SecretValue("alice/demo", "API_KEY"));
    }

    [Fact]
    public void Variables_upsert_and_delete_return_the_whole_map()
    {
        _hub.UpsertVariable(_alice, "alice", "demo", "A", "1", null);
        var afterSecond = _hub.UpsertVariable(_alice, "alice", "demo", "B", "2", "two");
        var afterDelete = _hub.DeleteVariable(_alice, "alice", "demo", "A");
        var afterUnknown = _hub.DeleteVariable(_alice, "alice", "demo", "ZZZ");

        Assert.Equal(["A", "B"], afterSecond.Keys.Order());
        Assert.Equal(["B"], afterDelete.Keys);
        Assert.Equal("two", afterUnknown["B"].Description);
    }

    [Fact]
    public void Duplicate_copies_variables_and_settings_and_refuses_an_existing_target()
    {
        _hub.UpsertVariable(_alice, "alice", "demo", "MODEL", "gpt2", null);

        var url = _hub.Duplicate(_alice, "alice", "demo", new Generated.DuplicateSpaceRequest { Repository = "acme/copy", Hardware = "t4-small", Visibility = "private", Secrets = [new() { Key = "S", Value = "v" }] }, new Uri("http://hub/"));

        Assert.Equal("http://hub/spaces/acme/copy", url);
        Assert.Equal("gpt2", _hub.ListVariables(_alice, "acme", "copy")["MODEL"].Value);
        Assert.Equal("v", _hub.SecretValue("acme/copy", "S"));
        var copy = _hub.Runtime(_alice, "acme", "copy");
        Assert.Equal(("BUILDING", "t4-small"), (copy.Stage, copy.Hardware.Requested));
        Assert.Equal(404, Assert.Throws<HubError>(() => _hub.Runtime(_bob, "acme", "copy")).Status);

        var conflict = Assert.Throws<HubError>(() => _hub.Duplicate(_alice, "alice", "demo", new Generated.DuplicateSpaceRequest { Repository = "acme/copy" }, new Uri("http://hub/")));
        Assert.Equal((409, "http://hub/spaces/acme/copy"), (conflict.Status, conflict.Url));
        Assert.Equal(403, Assert.Throws<HubError>(() => _hub.Duplicate(_bob, "alice", "demo", new Generated.DuplicateSpaceRequest { Repository = "alice/stolen" }, new Uri("http://hub/"))).Status);
    }

    [Fact]
    public void Storage_upgrades_but_never_downgrades_and_delete_needs_storage()
    {
        Assert.Equal(400, Assert.Throws<HubError>(() => _hub.DeleteStorage(_alice, "alice", "demo")).Status);
        Assert.Equal("large", _hub.RequestStorage(_alice, "alice", "demo", "large").Storage);

        var error = Assert.Throws<HubError>(() => _hub.RequestStorage(_alice, "alice", "demo", "small"));

        Assert.Equal("Cannot downgrade persistent storage from large to small: delete it first", error.Message);
        Assert.Null(_hub.DeleteStorage(_alice, "alice", "demo").Storage);
    }

    [Fact]
    public void Volumes_replace_the_list_and_delete_needs_volumes()
    {
        Assert.Equal(400, Assert.Throws<HubError>(() => _hub.DeleteVolumes(_alice, "alice", "demo")).Status);
        _hub.SetVolumes(_alice, "alice", "demo", [new Generated.SpaceVolume { Type = "model", Source = "a/b", MountPath = "/data" }]);

        Assert.Single(_hub.Runtime(_alice, "alice", "demo").Volumes);
        Assert.Equal(400, Assert.Throws<HubError>(() => _hub.SetVolumes(_alice, "alice", "demo", [new Generated.SpaceVolume { Type = "disk", Source = "x", MountPath = "/x" }])).Status);
    }

    [Fact]
    public async Task Concurrent_requests_to_one_space_lose_nothing()
    {
        await Task.WhenAll(Enumerable.Range(0, 64).Select(i => Task.Run(() =>
        {
            _hub.UpsertVariable(_alice, "alice", "demo", $"K{i}", i.ToString(System.Globalization.CultureInfo.InvariantCulture), null);
            _hub.RequestHardware(_alice, "alice", "demo", i % 2 == 0 ? "t4-small" : "a10g-small", null);
        })));

        Assert.Equal(64, _hub.ListVariables(_alice, "alice", "demo").Count);
        _clock.Advance(TimeSpan.FromMinutes(1));
        var runtime = _hub.Runtime(_alice, "alice", "demo");
        Assert.Equal("RUNNING", runtime.Stage);
        Assert.Equal(runtime.Hardware.Requested, runtime.Hardware.Current);
    }

    [Fact]
    public void The_catalog_lists_the_spec_flavors_with_metadata()
    {
        var catalog = HardwareCatalog.Entries();

        Assert.Equal(HardwareCatalog.Flavors, catalog.Select(h => h.Name));
        Assert.Equal(17, catalog.Count);
        Assert.Null(catalog.Single(h => h.Name == "cpu-basic").Accelerator);
        Assert.Equal("T4", catalog.Single(h => h.Name == "t4-small").Accelerator.Model);
    }
}
