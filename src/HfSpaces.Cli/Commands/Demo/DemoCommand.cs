using System.CommandLine;
using System.Diagnostics;
using HfSpaces.Cli.Commands.Runtime;
using HfSpaces.Cli.Running;
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

    internal sealed record Options(SpaceId Space, SpaceHardware Hardware, string? DuplicateTo, bool Yes);

    /// <summary>Where the lifecycle ended and how long it took; null <see cref="Ended"/>: not confirmed, nothing changed.</summary>
    internal sealed record Result(SpaceRuntime? Ended, TimeSpan Took);

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
        return command.Runs(
            cli,
            parse =>
            {
                // The real Hub only with a token and a Space named on purpose; otherwise the way to the emulator.
                if (string.IsNullOrWhiteSpace(parse.GetValue(TokenOption) ?? Environment.GetEnvironmentVariable("HF_TOKEN")))
                {
                    throw new ArgumentException($"the demo runs on a Space you own: set HF_TOKEN (or --token) and pass --space namespace/name. Without an account, run it on an embedded Hub emulator: {EmulatorCommand}");
                }

                return parse.GetValue(space) is not { } target
                    ? throw new ArgumentException($"a token is set, so the demo would run on the real Hub: pass --space namespace/name (a Space you own). Without an account: {EmulatorCommand}")
                    : new Options(SpaceId.Parse(target), RuntimeCommands.ParseFlavor(parse.GetValue(hardware) ?? SpaceHardware.Values.CpuBasic, force: false), parse.GetValue(duplicateTo), parse.GetValue(yes));
            },
            static (cli, _) => new DemoSteps(cli),
            RunAsync,
            Renderer,
            applicationId: "hf-spaces-demo");
    }

    /// <summary>Says what it will change, asks, runs the lifecycle, and puts the Space back whatever happened.</summary>
    internal static async Task<Result> RunAsync(RunContext run, Options options, DemoSteps steps)
    {
        var (cli, client, id, flavor) = (run.Cli, run.Client, options.Space, options.Hardware);
        var clock = Stopwatch.StartNew();
        var where = client.Endpoint.Host == "huggingface.co" ? "the Hub (huggingface.co)" : client.Endpoint.ToString();
        var before = await client.GetRuntimeAsync(id, run.CancellationToken).ConfigureAwait(false);
        var original = before.EffectiveHardware;
        steps.Say($"The demo will change {id} on {where}: request {flavor}{(flavor.PricePerHourUsd is > 0 ? $" (billed, {Format.PerHour(flavor.PricePerHourUsd)})" : string.Empty)}, set its sleep time, add and remove a secret and a variable, pause and restart it{(options.DuplicateTo is { } d ? $", duplicate it to {d}" : string.Empty)}. At the end it puts back its hardware ({original?.ToString() ?? "none"}), sleep time ({Format.SleepTime(before.SleepTime)}) and stage.");
        if (!await cli.ConfirmAsync(
            options.Yes,
            "Go on?",
            "yes",
            "Refusing to change your Space without confirmation: stdin is not a terminal. Pass --yes.",
            "Not confirmed: nothing was changed.",
            run.CancellationToken).ConfigureAwait(false))
        {
            return new Result(null, clock.Elapsed);
        }

        var lifecycle = new DemoLifecycle(client, steps);
        try
        {
            return new Result(await lifecycle.RunAsync(id, flavor, options.DuplicateTo, staticSpace: null, created: null, run.CancellationToken).ConfigureAwait(false), clock.Elapsed);
        }
        finally
        {
            await lifecycle.RestoreAsync(id, before, original).ConfigureAwait(false);
        }
    }

    /// <summary>The steps were said as they happened; this is the last line. The demo is a story: text in both modes.</summary>
    internal static Renderer<Result> Renderer { get; } = new()
    {
        Text = static (cli, result) =>
        {
            if (result.Ended is { } runtime)
            {
                cli.Out.WriteLine($"Done in {result.Took.TotalSeconds:0.0} s: {cli.Stage(runtime.Stage)} on {runtime.Hardware}.");
            }
        },
        Json = null,
        ExitCode = static result => result.Ended is null ? ExitCodes.Cancelled : ExitCodes.Success,
    };

    /// <summary>
    /// The lifecycle on a fresh Hub emulator at <paramref name="endpoint"/>, seeded with <see cref="EmulatorSpace"/> and
    /// <see cref="EmulatorStaticSpace"/> for <see cref="EmulatorUser"/> (src/HfSpaces.Demo starts it).
    /// </summary>
    internal static async Task<int> RunOnEmulatorAsync(CliContext cli, Uri endpoint, string token, string hardware, CancellationToken ct)
    {
        try
        {
            var steps = new DemoSteps(cli);
            steps.Say($"Started the Hub emulator on {endpoint} (no account, no network). With HF_TOKEN, 'hf-spaces demo --space you/your-space' runs this on the real Hub.");
            using var client = cli.CreateClient(new HfSpacesClientOptions { Endpoint = endpoint, Token = token, UseImplicitToken = false, ApplicationId = "hf-spaces-demo" });
            var clock = Stopwatch.StartNew();
            var flavor = RuntimeCommands.ParseFlavor(hardware, force: false);
            var ended = await new DemoLifecycle(client, steps).RunAsync(EmulatorSpace, flavor, $"{EmulatorSpace}-copy", EmulatorStaticSpace, $"{EmulatorUser}/new-space", ct).ConfigureAwait(false);
            return await Renderer.WriteAsync(cli, new Result(ended, clock.Elapsed), json: false).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            return await ReportAsync(cli, e).ConfigureAwait(false);
        }
    }
}
