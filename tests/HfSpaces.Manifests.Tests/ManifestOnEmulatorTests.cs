using HfSpaces.Emulator;
using HfSpaces.Emulator.Hosting;
using HfSpaces.Emulator.State;

namespace HfSpaces.Manifests.Tests;

/// <summary>Export → edit → plan → apply → plan on the emulator: the Hub is the state.</summary>
public sealed class ManifestOnEmulatorTests : IAsyncLifetime
{
    private const string Token = "hf_acme";
    private static readonly Dictionary<string, string> Environment = new() { ["OPENAI_API_KEY"] = "sk-openai-secret-1", ["NEW_TOKEN"] = "sk-new-secret-2", ["DB_PASSWORD"] = "sk-db-secret-3" };
    private HfSpacesEmulator _emulator = null!;
    private HfSpacesClient _client = null!;

    public async Task InitializeAsync()
    {
        _emulator = await HfSpacesEmulator.StartAsync(new EmulatorOptions
        {
            Timings = StageTimings.Instant,
            Accounts = new Dictionary<string, string> { ["alice"] = Token },
            Spaces = [new SpaceSeed("acme/chat"), new SpaceSeed("acme/docs", Sdk: "static"), new SpaceSeed("acme/gpu", Hardware: "t4-small")],
        });
        _emulator.Hub.AddAccount("carol", "hf_carol", "other");
        _client = new HfSpacesClient(new HfSpacesClientOptions { Endpoint = _emulator.Endpoint, Token = Token, UseImplicitToken = false, MaxRetries = 0 });
        AddOrganization();
        await _client.SetVariableAsync("acme/chat", "MODEL", "gpt2", "served model");
        await _client.SetSecretAsync("acme/chat", "OPENAI_API_KEY", "sk-openai-secret-1");
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _emulator.DisposeAsync();
    }

    private void AddOrganization() => _emulator.Hub.AddAccount("alice", Token, "acme");

    private static ApplyOptions Apply => new() { GetEnvironmentVariable = Environment.GetValueOrDefault };

    [Fact]
    public async Task An_export_plans_to_nothing_then_an_edit_plans_applies_and_plans_to_nothing_again()
    {
        var exported = await ManifestExporter.ExportAsync(_client, ["acme/chat", "acme/docs", "acme/gpu"]);
        Assert.Contains("      OPENAI_API_KEY: \"${env:OPENAI_API_KEY}\"\n", exported, StringComparison.Ordinal);
        Assert.Contains("      MODEL: { value: \"gpt2\", description: \"served model\" }\n", exported, StringComparison.Ordinal);
        Assert.DoesNotContain("sk-openai", exported, StringComparison.Ordinal);
        var manifest = ManifestReader.Parse(exported);
        Assert.False((await ManifestPlanner.PlanAsync(_client, manifest)).HasChanges);

        var edited = ManifestReader.Parse(exported
            .Replace("  acme/chat:\n    sdk: gradio\n    visibility: public\n    hardware: cpu-basic\n", "  acme/chat:\n    sdk: gradio\n    visibility: private\n    hardware: a10g-small\n    sleep_time: 1h\n", StringComparison.Ordinal)
            .Replace("      MODEL: {", "      TEMPERATURE: \"0.2\"\n      MODEL: {", StringComparison.Ordinal)
            + """
              acme/new:
                sdk: docker
                hardware: t4-small
                sleep_time: 30m
                storage: small
                variables:
                  MODE: prod
                secrets:
                  NEW_TOKEN: ${env:NEW_TOKEN}
                  DB_PASSWORD: { from: "${env:DB_PASSWORD}", description: database }
            """);

        var plan = await ManifestPlanner.PlanAsync(_client, edited);

        var chat = plan.Spaces.Single(s => s.Id == new SpaceId("acme", "chat"));
        Assert.Equal(PlanAction.Update, chat.Action);
        Assert.Equal(
            [
                new PlannedChange { Kind = ChangeKind.Visibility, Key = null, Old = "public", New = "private" },
                new PlannedChange { Kind = ChangeKind.SetVariable, Key = "TEMPERATURE", Old = null, New = "0.2" },
                new PlannedChange { Kind = ChangeKind.Hardware, Key = null, Old = "cpu-basic", New = "a10g-small" },
                new PlannedChange { Kind = ChangeKind.SleepTime, Key = null, Old = "2d", New = "1h" },
            ],
            chat.Changes);
        Assert.True(chat.Restarts);
        Assert.Equal("secrets: 1 present on the Hub, not compared — the Hub never returns a secret's value; --rotate-secrets sends them again.", Assert.Single(chat.Notes));
        var created = plan.Spaces.Single(s => s.Id == new SpaceId("acme", "new"));
        Assert.Equal((PlanAction.Create, "sdk docker, hardware t4-small, sleep 30m, 1 variable(s), 2 secret(s)"), (created.Action, created.Changes[0].New));
        Assert.Equal(PlanAction.NoChange, plan.Spaces.Single(s => s.Id == new SpaceId("acme", "docs")).Action);
        Assert.Equal((decimal)SpaceHardware.A10gSmall.PricePerHourUsd!.Value + (decimal)SpaceHardware.T4Small.PricePerHourUsd!.Value, plan.HourlyCostDelta);

        var result = await ManifestApplier.ApplyAsync(_client, plan, Apply);

        Assert.True(result.Succeeded, string.Join("; ", result.Spaces.Select(s => s.Error)));
        Assert.Equal(["acme/chat", "acme/new"], result.Spaces.Select(s => s.Id.ToString()));
        Assert.Equal("sk-new-secret-2", _emulator.Hub.SecretValue("acme/new", "NEW_TOKEN"));
        Assert.Equal("sk-db-secret-3", _emulator.Hub.SecretValue("acme/new", "DB_PASSWORD"));
        Assert.Equal(SpaceStorage.Small, (await _client.GetRuntimeAsync("acme/new")).Storage);
        var runtime = await _client.GetRuntimeAsync("acme/chat");
        Assert.Equal((SpaceHardware.A10gSmall, TimeSpan.FromHours(1)), (runtime.RequestedHardware, runtime.SleepTime));
        Assert.Equal("/api/spaces/acme/chat/hardware", _emulator.Requests.Last(r => r.Path.StartsWith("/api/spaces/acme/chat/", StringComparison.Ordinal) && r.Method == "POST").Path); // hardware last: one rebuild

        var again = await ManifestPlanner.PlanAsync(_client, edited);
        Assert.False(again.HasChanges, string.Join("; ", again.Spaces.SelectMany(s => s.Changes)));
        Assert.DoesNotContain(_emulator.Requests, r => Environment.Values.Any(v => r.Body.Contains(v, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Prune_and_rotate_are_explicit()
    {
        var manifest = ManifestReader.Parse("""
            spaces:
              acme/chat:
                secrets:
                  OPENAI_API_KEY: ${env:OPENAI_API_KEY}
            """);

        var plain = await ManifestPlanner.PlanAsync(_client, manifest);
        var pruned = await ManifestPlanner.PlanAsync(_client, manifest, new PlanOptions { Prune = true, RotateSecrets = true });

        Assert.False(plain.HasChanges);
        Assert.Equal(
            [new PlannedChange { Kind = ChangeKind.RemoveVariable, Key = "MODEL", Old = "gpt2", New = null }, new PlannedChange { Kind = ChangeKind.SetSecret, Key = "OPENAI_API_KEY", Old = "present", New = "re-sent from ${env:OPENAI_API_KEY}" }],
            pruned.Spaces[0].Changes);
        Assert.True((await ManifestApplier.ApplyAsync(_client, pruned, Apply)).Succeeded);
        Assert.Empty(await _client.ListVariablesAsync("acme/chat"));
    }

    [Fact]
    public async Task A_failure_on_one_space_leaves_the_others_applied()
    {
        var manifest = ManifestReader.Parse("""
            spaces:
              acme/chat:
                variables: { A: "1", B: "2" }
              acme/gpu:
                variables: { C: "3" }
            """);
        var plan = await ManifestPlanner.PlanAsync(_client, manifest);
        _emulator.AddFault(new FaultRule { Method = "POST", PathPattern = "^/api/spaces/acme/chat/variables$", Status = 500, Body = """{"error":"database is down"}""", Times = 1 });

        var result = await ManifestApplier.ApplyAsync(_client, plan, Apply);

        Assert.False(result.Succeeded);
        var chat = result.Spaces.Single(s => s.Id == new SpaceId("acme", "chat"));
        Assert.Equal((new PlannedChange { Kind = ChangeKind.SetVariable, Key = "A", Old = null, New = "1" }, 0), (chat.FailedChange, chat.Applied.Count));
        Assert.Contains("database is down", chat.Error, StringComparison.Ordinal);
        Assert.Null(result.Spaces.Single(s => s.Id == new SpaceId("acme", "gpu")).Error);
        Assert.Equal("3", (await _client.ListVariablesAsync("acme/gpu"))["C"].Value);
    }

    [Fact]
    public async Task A_secret_that_cannot_be_read_stops_the_apply_before_anything_is_sent()
    {
        var manifest = ManifestReader.Parse("""
            spaces:
              acme/chat:
                variables: { A: "1" }
              acme/other:
                sdk: gradio
                secrets:
                  MISSING: ${env:HFS_TEST_NOT_SET}
            """);
        var plan = await ManifestPlanner.PlanAsync(_client, manifest);
        _emulator.ClearRequests();

        var error = await Assert.ThrowsAsync<ManifestException>(() => ManifestApplier.ApplyAsync(_client, plan, Apply));

        Assert.Equal("spaces.yaml:4:3: acme/other secret MISSING: ${env:HFS_TEST_NOT_SET}: the environment variable HFS_TEST_NOT_SET is not set or empty.", Assert.Single(error.Errors));
        Assert.Empty(_emulator.Requests);
    }
}
