using System.Text.Json;

namespace HfSpaces.Cli.Tests.Manifests;

/// <summary>The CLI in process against the emulator: export, plan and apply.</summary>
public sealed class ManifestCommandTests : CliTest
{
    [Fact]
    public async Task Export_plan_apply_plan_with_terraform_exit_codes()
    {
        var file = Path.Combine(Path.GetTempPath(), $"hfs-{Guid.NewGuid():N}.yaml");
        try
        {
            var (code, _, error) = await Run(Auth("export", "alice/demo", "-o", file));
            Assert.Equal((ExitCodes.Success, "Wrote 1 Space(s) to " + file + "."), (code, error.Trim()));
            (code, var output, _) = await Run(Auth("plan", "-f", file));
            Assert.Equal((ExitCodes.Success, "alice/demo: no changes\nNo changes: 1 Space(s) match the manifest.\n"), (code, output.ReplaceLineEndings("\n")));

            await File.WriteAllTextAsync(file, (await File.ReadAllTextAsync(file)).Replace("hardware: cpu-basic", "hardware: t4-small\n    sleep_time: 1h", StringComparison.Ordinal));
            (code, output, _) = await Run(Auth("plan", "-f", file));
            Assert.Equal(2, code);
            Assert.Equal(
                "alice/demo: change (restarts it)\n  ~ hardware: cpu-basic → t4-small\n  ~ sleep_time: 2d → 1h\nPlan: 0 to create, 1 to change, 0 unchanged. Cost: +$0.40/h, ~ +$288/month if never sleeping (list prices).\n",
                output.ReplaceLineEndings("\n"));
            (code, output, _) = await Run(Auth("plan", "-f", file, "--json"));
            var json = JsonDocument.Parse(output).RootElement;
            Assert.Equal((2, true, "update", "Hardware"), (code, json.GetProperty("hasChanges").GetBoolean(), json.GetProperty("spaces")[0].GetProperty("action").GetString(), json.GetProperty("spaces")[0].GetProperty("changes")[0].GetProperty("kind").GetString()));

            (code, _, error) = await Run(Auth("apply", "-f", file));
            Assert.Equal((1, "error: Refusing to apply without confirmation: stdin is not a terminal. Review the plan and pass --yes."), (code, error.Trim()));
            Assert.DoesNotContain(Emulator.Requests, r => r.Method == "POST");

            (code, output, _) = await Run(Auth("apply", "-f", file, "--yes"));
            Assert.Equal(ExitCodes.Success, code);
            Assert.EndsWith("applied  alice/demo: 2 change(s)\nApplied 1 Space(s), 0 failed.\n", output.ReplaceLineEndings("\n"), StringComparison.Ordinal);
            (code, _, _) = await Run(Auth("plan", "-f", file));
            Assert.Equal(ExitCodes.Success, code);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task A_manifest_error_is_exit_code_1_naming_the_position()
    {
        var file = Path.Combine(Path.GetTempPath(), $"hfs-{Guid.NewGuid():N}.yaml");
        await File.WriteAllTextAsync(file, "spaces:\n  alice/demo:\n    hardware: t4-smal\n");
        try
        {
            var (code, _, error) = await Run(Auth("plan", "-f", file));

            Assert.Equal(1, code);
            Assert.StartsWith($"error: {file}:3:15: 't4-smal' is not a known hardware (did you mean 't4-small'?).", error, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Apply_waits_reports_a_failed_space_with_exit_code_1_and_never_prints_a_secret()
    {
        var file = Path.Combine(Path.GetTempPath(), $"hfs-{Guid.NewGuid():N}.yaml");
        await File.WriteAllTextAsync(file, """
            spaces:
              alice/demo:
                hardware: t4-small
                secrets:
                  HFS_CLI_APPLY_SECRET: ${env:HFS_CLI_APPLY_SECRET}
              alice/fresh:
                sdk: gradio
                variables: { MODE: prod }
                secrets:
                  HFS_CLI_APPLY_SECRET: ${env:HFS_CLI_APPLY_SECRET}
            """);
        Environment.SetEnvironmentVariable("HFS_CLI_APPLY_SECRET", "sk-apply-never-shown");
        Emulator.AddFault(new HfSpaces.Emulator.Hosting.FaultRule { Method = "POST", PathPattern = "^/api/repos/create$", Status = 500, Body = """{"error":"storage backend unavailable"}""" });
        try
        {
            var (code, output, error) = await Run(Auth("apply", "-f", file, "--yes", "--wait"));

            Assert.Equal(1, code);
            Assert.Contains("applied  alice/demo: 2 change(s), now RUNNING\n", output.ReplaceLineEndings("\n"), StringComparison.Ordinal); // --wait waited for it
            Assert.Contains("FAILED   alice/fresh: POST /api/repos/create answered 500 Internal Server Error: storage backend unavailable.", output, StringComparison.Ordinal);
            Assert.EndsWith("Applied 1 Space(s), 1 failed.\n", output.ReplaceLineEndings("\n"), StringComparison.Ordinal);
            Assert.DoesNotContain("sk-apply-never-shown", output + error, StringComparison.Ordinal);
            Assert.Equal("sk-apply-never-shown", Emulator.Hub.SecretValue("alice/demo", "HFS_CLI_APPLY_SECRET"));
        }
        finally
        {
            Environment.SetEnvironmentVariable("HFS_CLI_APPLY_SECRET", null);
            File.Delete(file);
        }
    }
}
