using System.Text.Json;
using HfSpaces.Emulator;
using HfSpaces.Emulator.State;

namespace HfSpaces.Cli.Tests.Fleet;

/// <summary>The CLI in process against the emulator: fleet.</summary>
public sealed class FleetCommandTests : CliTest
{
    [Fact]
    public async Task Fleet_of_a_thousand_spaces_ls_cost_dry_run_then_pause_under_a_rate_limit_with_failures()
    {
        var hardware = new[] { "cpu-basic", "t4-small", "a10g-small", "cpu-upgrade" };
        await using var hub = await HfSpacesEmulator.StartAsync(new EmulatorOptions
        {
            Timings = StageTimings.Instant,
            Accounts = new Dictionary<string, string> { ["alice"] = Token },
            Spaces = [.. Enumerable.Range(0, 1000).Select(i => new SpaceSeed($"{(i < 600 ? "acme" : "beta")}/s{i:D4}", Hardware: hardware[i % 4]))],
        });
        hub.Hub.AddAccount("alice", Token, "acme", "beta");
        string[] At(params string[] args) => Auth([.. args, "--endpoint", hub.Endpoint.ToString()]);

        var (code, output, _) = await Run(At("fleet", "ls", "--author", "acme", "--json"));
        Assert.Equal((ExitCodes.Success, 600), (code, JsonDocument.Parse(output).RootElement.GetArrayLength()));

        // The expected cost from the emulator's own catalog (GET /api/spaces/hardware), not from the SDK's prices.
        using var http = new HttpClient();
        using var catalog = JsonDocument.Parse(await http.GetStringAsync(new Uri(hub.Endpoint, "api/spaces/hardware")));
        var perHour = catalog.RootElement.EnumerateArray().ToDictionary(h => h.GetProperty("name").GetString()!, h => h.GetProperty("unitCostUSD").GetDecimal() * 60);
        var expected = Enumerable.Range(0, 600).Sum(i => perHour[hardware[i % 4]]);
        (code, output, _) = await Run(At("fleet", "cost", "--author", "acme", "--json"));
        var cost = JsonDocument.Parse(output).RootElement;
        Assert.Equal(ExitCodes.Success, code);
        Assert.InRange(cost.GetProperty("perHourUsd").GetDecimal(), expected - 0.01m, expected + 0.01m); // the catalog prices per minute, in whole micro-dollars
        Assert.Equal(150, cost.GetProperty("byHardware").EnumerateArray().Single(h => h.GetProperty("hardware").GetString() == "t4-small").GetProperty("spaces").GetInt32());

        hub.ClearRequests();
        (code, output, _) = await Run(At("fleet", "pause", "--author", "beta", "--hardware", "t4-*", "--dry-run"));
        Assert.Equal(ExitCodes.Success, code);
        Assert.EndsWith("Dry run: pause would go to 100 Space(s), 0 skipped. Nothing was sent.\n", output.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.DoesNotContain(hub.Requests, r => r.Method == "POST");

        hub.RateLimit = new HfSpaces.Emulator.Hosting.RateLimitRule(40, TimeSpan.FromSeconds(1));
        foreach (var broken in new[] { "beta/s0601", "beta/s0605", "beta/s0609" })
        {
            hub.AddFault(new HfSpaces.Emulator.Hosting.FaultRule { Method = "POST", PathPattern = $"^/api/spaces/{broken}/pause$", Status = 500, Body = """{"error":"node lost"}""" });
        }

        hub.ClearRequests();
        (code, output, _) = await Run(At("fleet", "pause", "--author", "beta", "--hardware", "t4-*", "--yes", "--json"));

        var events = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        var summary = events[^1];
        Assert.Equal(ExitCodes.HubFailure, code);
        Assert.Equal(("summary", 97, 3, 0, 0), (summary.GetProperty("event").GetString(), summary.GetProperty("succeeded").GetInt32(), summary.GetProperty("failed").GetInt32(), summary.GetProperty("skipped").GetInt32(), summary.GetProperty("notStarted").GetInt32()));
        Assert.Equal(["beta/s0601", "beta/s0605", "beta/s0609"], events.Where(e => e.GetProperty("event").GetString() == "failed").Select(e => e.GetProperty("space").GetString()).Order());
        Assert.All(events.Where(e => e.GetProperty("event").GetString() == "failed"), e => Assert.Equal("node lost", e.GetProperty("detail").GetString()));

        // Every pause was carried out exactly once: none lost, none sent twice (a 429 is not carried out).
        var carriedOut = hub.Requests.Where(r => r.Method == "POST" && r.Status != 429).GroupBy(r => r.Path).ToList();
        Assert.Equal(100, carriedOut.Count);
        Assert.All(carriedOut, g => Assert.Single(g));
        Assert.Equal(97, carriedOut.Count(g => g.Single().Status == 200));
    }
}
