using System.CommandLine;
using System.Diagnostics;
using HfSpaces.Cli.Commands.Runtime;
using static HfSpaces.Cli.HfSpacesCli;

namespace HfSpaces.Cli.Commands.Demo;

/// <summary>
/// The main job: a whole Space lifecycle through the public SDK. Here on a Space the user owns (a token and --space),
/// asking first and putting it back; on an embedded Hub emulator (no account, no network) from <c>src/HfSpaces.Demo</c>,
/// which hosts the emulator so that this tool does not carry ASP.NET Core and stays native-compilable.
/// </summary>
internal static class DemoCommand
{
    /// <summary>The account the emulator demo runs as, and the Spaces it expects seeded: a gradio one and a static one.</summary>
    internal const string EmulatorUser = "demo";

    internal const string EmulatorSpace = EmulatorUser + "/chatbot";

    internal const string EmulatorStaticSpace = EmulatorUser + "/landing-page";

    /// <summary>How to run the demo without an account, for messages.</summary>
    internal const string EmulatorCommand = "dotnet run --project src/HfSpaces.Demo";

    public static Command Create(CliContext cli)
    {
        var space = new Option<string?>("--space") { Description = "Your Space to run the lifecycle on (namespace/name)." };
        var hardware = new Option<string?>("--hardware") { Description = "The flavor to request (default cpu-basic, which is free)." };
        var duplicateTo = new Option<string?>("--duplicate-to") { Description = "Also duplicate the Space to this id (creates a Space)." };
        var yes = new Option<bool>("--yes", "-y") { Description = "Do not ask before changing your Space." };
        var command = new Command("demo", $"Run a Space lifecycle on your Space: runtime, hardware, wait, sleep time, secrets, variables, pause, restart, duplicate, logs; then put it back. Without an account: {EmulatorCommand}.")
        {
            space, hardware, duplicateTo, yes,
        };
        command.SetAction(async (parse, ct) =>
        {
            try
            {
                var token = parse.GetValue(TokenOption) ?? Environment.GetEnvironmentVariable("HF_TOKEN");
                if (string.IsNullOrWhiteSpace(token))
                {
                    await cli.Err.WriteLineAsync($"error: the demo runs on a Space you own: set HF_TOKEN (or --token) and pass --space namespace/name. Without an account, run it on an embedded Hub emulator: {EmulatorCommand}").ConfigureAwait(false);
                    return ExitCodes.Usage;
                }

                if (parse.GetValue(space) is not { } target)
                {
                    await cli.Err.WriteLineAsync($"error: a token is set, so the demo would run on the real Hub: pass --space namespace/name (a Space you own). Without an account: {EmulatorCommand}").ConfigureAwait(false);
                    return ExitCodes.Usage;
                }

                using var client = cli.CreateClient(new HfSpacesClientOptions { Endpoint = parse.GetValue(EndpointOption), Token = token, ApplicationId = "hf-spaces-demo" });
                var id = SpaceId.Parse(target);
                var flavor = RuntimeCommands.ParseFlavor(parse.GetValue(hardware) ?? SpaceHardware.Values.CpuBasic, force: false);
                var where = client.Endpoint.Host == "huggingface.co" ? "the Hub (huggingface.co)" : client.Endpoint.ToString();
                var before = await client.GetRuntimeAsync(id, ct).ConfigureAwait(false);
                var original = before.EffectiveHardware;
                cli.Out.WriteLine($"The demo will change {id} on {where}: request {flavor}{(flavor.PricePerHourUsd is > 0 ? $" (billed, {Format.PerHour(flavor.PricePerHourUsd)})" : string.Empty)}, set its sleep time, add and remove a secret and a variable, pause and restart it{(parse.GetValue(duplicateTo) is { } d ? $", duplicate it to {d}" : string.Empty)}. At the end it puts back its hardware ({original?.ToString() ?? "none"}), sleep time ({Format.SleepTime(before.SleepTime)}) and stage.");
                if (!await cli.ConfirmAsync(
                    parse.GetValue(yes),
                    "Go on?",
                    "yes",
                    "Refusing to change your Space without confirmation: stdin is not a terminal. Pass --yes.",
                    "Not confirmed: nothing was changed.",
                    ct).ConfigureAwait(false))
                {
                    return ExitCodes.Cancelled;
                }

                try
                {
                    return await LifecycleAsync(cli, client, id, flavor.ToString(), parse.GetValue(duplicateTo), staticSpace: null, created: null, ct).ConfigureAwait(false);
                }
                finally
                {
                    await RestoreAsync(cli, client, id, before, original).ConfigureAwait(false);
                }
            }
            catch (Exception e)
            {
                return await ReportAsync(cli, e).ConfigureAwait(false);
            }
        });
        return command;
    }

    /// <summary>
    /// The lifecycle on a fresh Hub emulator at <paramref name="endpoint"/>, seeded with <see cref="EmulatorSpace"/> and
    /// <see cref="EmulatorStaticSpace"/> for <see cref="EmulatorUser"/> (src/HfSpaces.Demo starts it).
    /// </summary>
    internal static async Task<int> RunOnEmulatorAsync(CliContext cli, Uri endpoint, string token, string hardware, CancellationToken ct)
    {
        try
        {
            cli.Out.WriteLine($"Started the Hub emulator on {endpoint} (no account, no network). With HF_TOKEN, 'hf-spaces demo --space you/your-space' runs this on the real Hub.");
            using var client = cli.CreateClient(new HfSpacesClientOptions { Endpoint = endpoint, Token = token, UseImplicitToken = false, ApplicationId = "hf-spaces-demo" });
            return await LifecycleAsync(cli, client, EmulatorSpace, hardware, $"{EmulatorSpace}-copy", EmulatorStaticSpace, $"{EmulatorUser}/new-space", ct).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            return await ReportAsync(cli, e).ConfigureAwait(false);
        }
    }

    /// <summary>Puts the Space back as it was (hardware, sleep time, paused), saying what it could not.</summary>
    private static async Task RestoreAsync(CliContext cli, HfSpacesClient client, SpaceId space, SpaceRuntime before, SpaceHardware? original)
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

            cli.Out.WriteLine($"Restored {space}: {original?.ToString() ?? "no hardware"}, sleeps after {Format.SleepTime(before.SleepTime)}{(before.Stage == SpaceStage.Paused ? ", paused" : string.Empty)}.");
        }
        catch (HfSpacesException e)
        {
            await cli.Err.WriteLineAsync($"warning: {space} could not be put back as it was ({Terminal.Safe(e.Message)}): check its hardware and sleep time.").ConfigureAwait(false);
        }
    }

    private static async Task<int> LifecycleAsync(CliContext cli, HfSpacesClient client, SpaceId space, string flavor, string? duplicateTo, SpaceId? staticSpace, SpaceId? created, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var step = 0;
        void Step(string text) => cli.Out.WriteLine($"[{++step,2}] {text}");
        void Detail(string text) => cli.Out.WriteLine($"     {text}");

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
            Step($"created {fresh} with t4-small, a 30 min sleep time, a variable and a secret: {cli.Stage(creation.Runtime!.Stage)}, hardware {(creation.HardwareApplied == true ? "applied" : "NOT applied")}");
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
        Step($"runtime of {space}: {cli.Stage(runtime.Stage)} on {runtime.Hardware?.ToString() ?? "no hardware"}, sleeps after {Format.SleepTime(runtime.SleepTime)}");

        var catalog = await client.ListHardwareAsync(ct).ConfigureAwait(false);
        var cheapestGpu = catalog.Where(h => h.Accelerator is not null && h.UnitCostUsd > 0).MinBy(h => h.UnitCostUsd);
        Step($"hardware catalog: {catalog.Count} flavors{(cheapestGpu is null ? string.Empty : $"; cheapest GPU {cheapestGpu.Name} ({cheapestGpu.Accelerator!.Model}, {Format.PerHour(cheapestGpu.UnitCostUsd * 60)})")}");

        var hardware = RuntimeCommands.ParseFlavor(flavor, force: false);
        runtime = await client.RequestHardwareAsync(space, hardware, TimeSpan.FromHours(1), ct).ConfigureAwait(false);
        Step($"requested {hardware} with a 1 h sleep time: {cli.Stage(runtime.Stage)} (requested {runtime.RequestedHardware})");

        Step("waiting for the Space to run:");
        runtime = await RuntimeCommands.WaitAsync(client, space, TimeSpan.FromMinutes(15), new StageLines(cli, json: false), ct).ConfigureAwait(false);
        Detail($"{cli.Stage(runtime.Stage)} on {runtime.Hardware}");

        runtime = await client.SetSleepTimeAsync(space, TimeSpan.FromHours(2), ct).ConfigureAwait(false);
        Step($"sleep time set; the Hub reports {Format.SleepTime(runtime.SleepTime)}{(runtime.Hardware == SpaceHardware.CpuBasic ? " (fixed on cpu-basic)" : string.Empty)}");

        await client.SetSecretAsync(space, "DEMO_API_KEY", "sk-demo-" + Guid.NewGuid().ToString("N"), "set by hf-spaces demo", ct).ConfigureAwait(false);
        await client.SetVariableAsync(space, "DEMO_MODEL_ID", "gpt2", "set by hf-spaces demo", ct).ConfigureAwait(false);
        Step("secret DEMO_API_KEY (value never shown) and variable DEMO_MODEL_ID=gpt2 set");

        var secrets = await client.ListSecretsAsync(space, ct).ConfigureAwait(false);
        var variables = await client.ListVariablesAsync(space, ct).ConfigureAwait(false);
        Step($"secrets: {string.Join(", ", secrets.Keys.Order(StringComparer.Ordinal))}; variables: {string.Join(", ", variables.Values.Select(v => $"{v.Key}={v.Value}"))}");

        runtime = await client.PauseAsync(space, ct).ConfigureAwait(false);
        Step($"paused: {cli.Stage(runtime.Stage)}");

        runtime = await client.RestartAsync(space, cancellationToken: ct).ConfigureAwait(false);
        Step($"restarted: {cli.Stage(runtime.Stage)}; waiting:");
        runtime = await RuntimeCommands.WaitAsync(client, space, TimeSpan.FromMinutes(15), new StageLines(cli, json: false), ct).ConfigureAwait(false);

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

        cli.Out.WriteLine($"Done in {clock.Elapsed.TotalSeconds:0.0} s: {cli.Stage(runtime.Stage)} on {runtime.Hardware}.");
        return ExitCodes.Success;
    }
}
