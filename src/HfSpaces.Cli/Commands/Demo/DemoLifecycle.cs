using HfSpaces.Cli.Commands.Runtime;

namespace HfSpaces.Cli.Commands.Demo;

/// <summary>The demo's steps through the public SDK, each told to <paramref name="steps"/>, and putting a Space back as it was.</summary>
internal sealed class DemoLifecycle(HfSpacesClient client, DemoSteps steps)
{
    private void Step(string text) => steps.Step(text);

    private void Detail(string text) => steps.Detail(text);

    /// <summary>
    /// Every step on <paramref name="space"/> (on <paramref name="flavor"/>); with <paramref name="created"/> first a new
    /// Space's create, commit, list, settings and delete; with <paramref name="staticSpace"/> last a typed error. Returns the
    /// runtime it ended on.
    /// </summary>
    public async Task<SpaceRuntime> RunAsync(SpaceId space, SpaceHardware flavor, string? duplicateTo, SpaceId? staticSpace, SpaceId? created, CancellationToken ct)
    {

        if (created is { } fresh)
        {
            var creation = await client.CreateSpaceAsync(fresh, new CreateSpaceOptions
            {
                Sdk = SpaceSdk.Gradio,
                Hardware = SpaceHardware.T4Small,
                SleepTime = TimeSpan.FromMinutes(30),
                Variables = [new SpaceVariableValue("MODEL_ID", "gpt2")],
                Secrets = [new SpaceSecretValue("API_KEY", "sk-demo-" + Guid.NewGuid().ToString("N"))],
            }, ct).ConfigureAwait(false);
            Step($"created {fresh} with t4-small, a 30 min sleep time, a variable and a secret: {steps.Stage(creation.Runtime!.Stage)}, hardware {(creation.HardwareApplied == true ? "applied" : "NOT applied")}");
            // A new Space holds only its README (it would end NO_APP_FILE): give it an app in one commit.
            var commit = await client.CommitAsync(
                fresh,
                [
                    SpaceCommitOperation.Add("app.py", "import gradio as gr\n\ngr.Interface(lambda name: f\"Hello {name}!\", \"text\", \"text\").launch()\n"u8.ToArray()),
                    SpaceCommitOperation.Add("requirements.txt", "gradio\n"u8.ToArray()),
                ],
                "Add the app",
                cancellationToken: ct).ConfigureAwait(false);
            Step($"committed app.py and requirements.txt: {commit.Id[..7]}; the Space rebuilds from it");
            var listed = new List<string>();
            await foreach (var info in client.ListSpacesAsync(new SpaceListQuery { Author = fresh.Namespace, Expand = [SpaceExpand.Runtime] }, ct).ConfigureAwait(false))
            {
                listed.Add($"{info.Id} ({info.Runtime?.Stage})");
            }

            Step($"{fresh.Namespace}'s Spaces: {string.Join(", ", listed)}");
            await client.UpdateSettingsAsync(fresh, new SpaceSettings { Visibility = SpaceVisibility.Private }, ct).ConfigureAwait(false);
            var described = await client.GetSpaceInfoAsync(fresh, cancellationToken: ct).ConfigureAwait(false);
            Step($"made it private: info says private={described.Private}, sdk {described.Sdk}, created {described.CreatedAt:u}");
            await client.DeleteSpaceAsync(fresh, cancellationToken: ct).ConfigureAwait(false);
            Step($"deleted {fresh}");
        }

        var runtime = await client.GetRuntimeAsync(space, ct).ConfigureAwait(false);
        Step($"runtime of {space}: {steps.Stage(runtime.Stage)} on {runtime.Hardware?.ToString() ?? "no hardware"}, sleeps after {Format.SleepTime(runtime.SleepTime)}");

        var catalog = await client.ListHardwareAsync(ct).ConfigureAwait(false);
        var cheapestGpu = catalog.Where(h => h.Accelerator is not null && h.UnitCostUsd > 0).MinBy(h => h.UnitCostUsd);
        Step($"hardware catalog: {catalog.Count} flavors{(cheapestGpu is null ? string.Empty : $"; cheapest GPU {cheapestGpu.Name} ({cheapestGpu.Accelerator!.Model}, {Format.PerHour(cheapestGpu.UnitCostUsd * 60)})")}");

        var hardware = flavor;
        runtime = await client.RequestHardwareAsync(space, hardware, TimeSpan.FromHours(1), ct).ConfigureAwait(false);
        Step($"requested {hardware} with a 1 h sleep time: {steps.Stage(runtime.Stage)} (requested {runtime.RequestedHardware})");

        Step("waiting for the Space to run:");
        runtime = await RuntimeCommands.WaitAsync(client, space, TimeSpan.FromMinutes(15), steps.Stages(), ct).ConfigureAwait(false);
        Detail($"{steps.Stage(runtime.Stage)} on {runtime.Hardware}");

        runtime = await client.SetSleepTimeAsync(space, TimeSpan.FromHours(2), ct).ConfigureAwait(false);
        Step($"sleep time set; the Hub reports {Format.SleepTime(runtime.SleepTime)}{(runtime.Hardware == SpaceHardware.CpuBasic ? " (fixed on cpu-basic)" : string.Empty)}");

        await client.SetSecretAsync(space, "DEMO_API_KEY", "sk-demo-" + Guid.NewGuid().ToString("N"), "set by hf-spaces demo", ct).ConfigureAwait(false);
        await client.SetVariableAsync(space, "DEMO_MODEL_ID", "gpt2", "set by hf-spaces demo", ct).ConfigureAwait(false);
        Step("secret DEMO_API_KEY (value never shown) and variable DEMO_MODEL_ID=gpt2 set");

        var secrets = await client.ListSecretsAsync(space, ct).ConfigureAwait(false);
        var variables = await client.ListVariablesAsync(space, ct).ConfigureAwait(false);
        Step($"secrets: {string.Join(", ", secrets.Keys.Order(StringComparer.Ordinal))}; variables: {string.Join(", ", variables.Values.Select(v => $"{v.Key}={v.Value}"))}");

        runtime = await client.PauseAsync(space, ct).ConfigureAwait(false);
        Step($"paused: {steps.Stage(runtime.Stage)}");

        runtime = await client.RestartAsync(space, cancellationToken: ct).ConfigureAwait(false);
        Step($"restarted: {steps.Stage(runtime.Stage)}; waiting:");
        runtime = await RuntimeCommands.WaitAsync(client, space, TimeSpan.FromMinutes(15), steps.Stages(), ct).ConfigureAwait(false);

        if (duplicateTo is not null)
        {
            var copy = await client.DuplicateAsync(space, duplicateTo, new DuplicateSpaceOptions { Visibility = SpaceVisibility.Private, ExistOk = true }, ct).ConfigureAwait(false);
            Step($"duplicated to {copy.Id}: {copy.Url}{(copy.AlreadyExisted ? " (already existed)" : string.Empty)}");
        }

        Step("build logs:");
        await foreach (var line in client.StreamLogsAsync(space, new SpaceLogOptions { Type = SpaceLogType.Build, Tail = 5, IdleTimeout = TimeSpan.FromSeconds(3) }, ct).ConfigureAwait(false))
        {
            Detail(line.Text);
        }

        Step("run logs:");
        await foreach (var line in client.StreamLogsAsync(space, new SpaceLogOptions { Tail = 3, IdleTimeout = TimeSpan.FromSeconds(3) }, ct).ConfigureAwait(false))
        {
            Detail(line.Text);
        }

        await client.DeleteSecretAsync(space, "DEMO_API_KEY", ct).ConfigureAwait(false);
        await client.DeleteVariableAsync(space, "DEMO_MODEL_ID", ct).ConfigureAwait(false);
        Step("demo secret and variable deleted");

        if (staticSpace is { } site)
        {
            try
            {
                await client.PauseAsync(site, ct).ConfigureAwait(false);
            }
            catch (HfSpacesException e)
            {
                Step($"errors are typed: pausing the static Space {site} gave {e.GetType().Name} {(int?)e.StatusCode}: {e.ServerMessage}");
            }
        }

        return runtime;
    }

    /// <summary>Puts the Space back as it was (hardware, sleep time, paused), saying what it could not.</summary>
    public async Task RestoreAsync(SpaceId space, SpaceRuntime before, SpaceHardware? original)
    {
        try
        {
            if (original is { } hardware)
            {
                TimeSpan? sleep = hardware == SpaceHardware.CpuBasic ? null : before.SleepTime ?? Timeout.InfiniteTimeSpan;
                await client.RequestHardwareAsync(space, hardware, sleep).ConfigureAwait(false);
            }

            if (before.Stage == SpaceStage.Paused)
            {
                await client.PauseAsync(space).ConfigureAwait(false);
            }

            steps.Say($"Restored {space}: {original?.ToString() ?? "no hardware"}, sleeps after {Format.SleepTime(before.SleepTime)}{(before.Stage == SpaceStage.Paused ? ", paused" : string.Empty)}.");
        }
        catch (HfSpacesException e)
        {
            await steps.WarnAsync($"{space} could not be put back as it was ({Terminal.Safe(e.Message)}): check its hardware and sleep time.").ConfigureAwait(false);
        }
    }
}
