using System.CommandLine;
using System.Text.Json.Nodes;
using HfSpaces.Manifests;
using static HfSpaces.Cli.Commands.Manifest.ManifestCommands;
using static HfSpaces.Cli.HfSpacesCli;

namespace HfSpaces.Cli.Commands.Manifest;

/// <summary><c>hf-spaces apply</c>: Make the Hub match the manifest: plans, shows the plan, asks, applies. Exit code 0 when all was applied, 1 otherwise.</summary>
internal static class ApplyCommand
{
    public static Command Create(CliContext cli)
    {
        var file = FileOption();
        var prune = PruneOption();
        var rotate = RotateOption();
        var parallel = ParallelOption();
        var yes = new Option<bool>("--yes", "-y") { Description = "Apply without asking (needed when stdin is not a terminal)." };
        var wait = new Option<bool>("--wait") { Description = "Wait for every Space that rebuilds or restarts to run again; one that ends in an error fails." };
        var command = new Command("apply", "Make the Hub match the manifest: plans, shows the plan, asks, applies. Exit code 0 when all was applied, 1 otherwise.") { file, prune, rotate, parallel, yes, wait };
        command.SetAction((parse, ct) => Run(cli, parse, async (client, json) =>
        {
            var (manifest, plan) = await PlanAsync(client, parse, file, prune, rotate, parallel, ct).ConfigureAwait(false);
            if (!json)
            {
                PrintPlan(cli, plan);
            }

            if (plan.Failed.Any())
            {
                throw new InvalidOperationException("Some Spaces could not be read (above): nothing was applied.");
            }

            if (!plan.HasChanges)
            {
                if (json)
                {
                    cli.WriteJson(Json.Object(("plan", PlanJson(plan)), ("results", new JsonArray()), ("succeeded", true)));
                }

                return ExitCodes.Success;
            }

            if (!await cli.ConfirmAsync(
                parse.GetValue(yes),
                "Apply these changes?",
                "yes",
                "Refusing to apply without confirmation: stdin is not a terminal. Review the plan and pass --yes.",
                "Not confirmed: nothing was applied.",
                ct).ConfigureAwait(false))
            {
                return Failed;
            }

            var output = new Lock();
            var progress = json ? null : new InlineProgress<SpaceApplyResult>(r =>
            {
                // Reported from the scheduler's workers: one line at a time.
                lock (output)
                {
                    cli.Out.WriteLine(r.Error is null
                        ? $"applied  {r.Id}: {r.Applied.Count} change(s){(r.Runtime is { } now ? $", now {cli.Stage(now.Stage)}" : string.Empty)}"
                        : $"FAILED   {r.Id}: {Terminal.Safe(r.Error)}{(r.FailedChange is { } c ? $" (at {Terminal.Safe(Describe(c))})" : string.Empty)}");
                }
            });
            var result = await ManifestApplier.ApplyAsync(client, plan, new ApplyOptions
            {
                Wait = parse.GetValue(wait),
                MaxParallel = parse.GetValue(parallel),
                ManifestDirectory = Path.GetDirectoryName(Path.GetFullPath(manifest.Path ?? ".")),
            }, progress, ct).ConfigureAwait(false);
            if (json)
            {
                cli.WriteJson(Json.Object(("plan", PlanJson(plan)), ("results", Json.Array(result.Spaces, ResultJson)), ("succeeded", result.Succeeded)));
            }
            else
            {
                foreach (var warning in result.Spaces.SelectMany(s => s.Warnings))
                {
                    await cli.Err.WriteLineAsync("warning: " + Terminal.Safe(warning)).ConfigureAwait(false);
                }

                var failed = result.Spaces.Count(s => s.Error is not null);
                cli.Out.WriteLine($"Applied {result.Spaces.Count - failed} Space(s), {failed} failed.");
            }

            return result.Succeeded ? ExitCodes.Success : Failed;
        }));
        return command;
    }
}
