using System.CommandLine;
using System.Text.Json.Nodes;
using HfSpaces.Cli.Running;
using HfSpaces.Manifests;
using static HfSpaces.Cli.Commands.Manifest.ManifestCommands;

namespace HfSpaces.Cli.Commands.Manifest;

/// <summary><c>hf-spaces apply</c>: Make the Hub match the manifest: plans, shows the plan, asks, applies. Exit code 0 when all was applied, 1 otherwise.</summary>
internal static class ApplyCommand
{
    internal sealed record Options(PlanInput Input, bool Yes, bool Wait);

    /// <summary>The plan, and what applying it did (null: nothing to apply, or not confirmed).</summary>
    internal sealed record Result(ManifestPlan Plan, ApplyResult? Applied, bool Confirmed);

    public static Command Create(CliContext cli)
    {
        var yes = new Option<bool>("--yes", "-y") { Description = "Apply without asking (needed when stdin is not a terminal)." };
        var wait = new Option<bool>("--wait") { Description = "Wait for every Space that rebuilds or restarts to run again; one that ends in an error fails." };
        var command = new Command("apply", "Make the Hub match the manifest: plans, shows the plan, asks, applies. Exit code 0 when all was applied, 1 otherwise.");
        var options = new PlanOptionSet(command);
        command.Options.Add(yes);
        command.Options.Add(wait);
        return command.Runs(
            cli,
            parse => new Options(options.Bind(parse), parse.GetValue(yes), parse.GetValue(wait)),
            static (cli, json) => new View(cli, json),
            RunAsync,
            Renderer,
            everyFailure: Failed);
    }

    internal static async Task<Result> RunAsync(RunContext run, Options options, View view)
    {
        var (manifest, plan) = await PlanAsync(run, options.Input).ConfigureAwait(false);
        view.Plan(plan);
        if (plan.Failed.Any())
        {
            throw new InvalidOperationException("Some Spaces could not be read (above): nothing was applied.");
        }

        if (!plan.HasChanges)
        {
            return new Result(plan, null, Confirmed: true);
        }

        if (!await run.Cli.ConfirmAsync(
            options.Yes,
            "Apply these changes?",
            "yes",
            "Refusing to apply without confirmation: stdin is not a terminal. Review the plan and pass --yes.",
            "Not confirmed: nothing was applied.",
            run.CancellationToken).ConfigureAwait(false))
        {
            return new Result(plan, null, Confirmed: false);
        }

        var applied = await ManifestApplier.ApplyAsync(run.Client, plan, new ApplyOptions
        {
            Wait = options.Wait,
            MaxParallel = options.Input.Plan.MaxParallel,
            ManifestDirectory = Path.GetDirectoryName(Path.GetFullPath(manifest.Path ?? ".")),
        }, view.Progress, run.CancellationToken).ConfigureAwait(false);
        return new Result(plan, applied, Confirmed: true);
    }

    /// <summary>0 when everything (or nothing, there being nothing to do) was applied; 1 otherwise.</summary>
    internal static Renderer<Result> Renderer { get; } = new()
    {
        Text = static (cli, result) =>
        {
            if (result.Applied is { } applied)
            {
                var failed = applied.Spaces.Count(s => s.Error is not null);
                cli.Out.WriteLine($"Applied {applied.Spaces.Count - failed} Space(s), {failed} failed.");
            }
        },
        Json = static result => result.Confirmed
            ? Json.Object(("plan", PlanJson(result.Plan)), ("results", result.Applied is { } a ? Json.Array(a.Spaces, ResultJson) : new JsonArray()), ("succeeded", result.Applied?.Succeeded ?? true))
            : null,
        Diagnostics = static result => result.Applied?.Spaces.SelectMany(s => s.Warnings).Select(w => "warning: " + Terminal.Safe(w)) ?? [],
        ExitCode = static result => !result.Confirmed || result.Applied?.Succeeded == false ? Failed : ExitCodes.Success,
    };

    /// <summary>The plan as text (JSON has it in the result), then a line a Space as each is applied.</summary>
    internal sealed class View(CliContext cli, bool json)
    {
        private readonly Lock output = new();

        public void Plan(ManifestPlan plan)
        {
            if (!json)
            {
                PrintPlan(cli, plan);
            }
        }

        /// <summary>Reported from the scheduler's workers: one line at a time.</summary>
        public IProgress<SpaceApplyResult>? Progress => json ? null : new InlineProgress<SpaceApplyResult>(r =>
        {
            lock (output)
            {
                cli.Out.WriteLine(r.Error is null
                    ? $"applied  {r.Id}: {r.Applied.Count} change(s){(r.Runtime is { } now ? $", now {cli.Stage(now.Stage)}" : string.Empty)}"
                    : $"FAILED   {r.Id}: {Terminal.Safe(r.Error)}{(r.FailedChange is { } c ? $" (at {Terminal.Safe(Describe(c))})" : string.Empty)}");
            }
        });
    }
}
