using System.Text.Json.Nodes;
using System.CommandLine;
using System.Globalization;
using HfSpaces.Manifests;
using static HfSpaces.Cli.HfSpacesCli;

namespace HfSpaces.Cli.Commands;

/// <summary>
/// plan, apply, export: Spaces as code. plan's exit code is Terraform's (0 nothing to do, 2 changes pending, 1 error) so
/// CI can check drift; apply's is 0 when everything was applied, 1 otherwise.
/// </summary>
internal static class ManifestCommands
{
    /// <summary>plan: changes pending.</summary>
    public const int ChangesPending = 2;

    /// <summary>plan and apply: anything went wrong (the manifest, a read, a change).</summary>
    public const int Failed = 1;

    public static IEnumerable<Command> Create(CliContext cli)
    {
        yield return Plan(cli);
        yield return Apply(cli);
        yield return Export(cli);
    }

    private static Option<string> FileOption() => new("--file", "-f") { Description = "The manifest.", DefaultValueFactory = _ => "spaces.yaml" };

    private static Option<bool> PruneOption() => new("--prune") { Description = "Also remove variables and secrets the manifest does not list." };

    private static Option<bool> RotateOption() => new("--rotate-secrets") { Description = "Send every secret again (the Hub never returns values, so they cannot be compared)." };

    private static Option<int> ParallelOption() => new("--max-parallel") { Description = "How many Spaces are read or changed at once.", DefaultValueFactory = _ => HubScheduler.DefaultMaxParallel };

    private static Command Plan(CliContext cli)
    {
        var file = FileOption();
        var prune = PruneOption();
        var rotate = RotateOption();
        var parallel = ParallelOption();
        var detailed = new Option<bool>("--detailed") { Description = "List each file a source: folder adds, changes or deletes." };
        var command = new Command("plan", "Compare a manifest with the Hub and print what apply would change. Exit code: 0 nothing to do, 2 changes pending, 1 error.") { file, prune, rotate, parallel, detailed };
        command.SetAction((parse, ct) => Run(cli, parse, async (client, json) =>
        {
            var (_, plan) = await PlanAsync(client, parse, file, prune, rotate, parallel, ct).ConfigureAwait(false);
            if (json)
            {
                cli.WriteJson(PlanJson(plan));
            }
            else
            {
                PrintPlan(cli, plan, parse.GetValue(detailed));
            }

            return plan.Failed.Any() ? Failed : plan.HasChanges ? ChangesPending : ExitCodes.Success;
        }));
        return command;
    }

    private static Command Apply(CliContext cli)
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

    private static Command Export(CliContext cli)
    {
        var spaces = new Argument<string[]>("spaces") { Description = "The Spaces to export, namespace/name.", Arity = ArgumentArity.OneOrMore };
        var output = new Option<string?>("--output", "-o") { Description = "Write the manifest to this file instead of standard output." };
        var withFiles = new Option<string?>("--with-files") { Description = "Also download each Space's files into DIR/namespace/name and name that folder as its source:." };
        var command = new Command("export", "Write the manifest of existing Spaces (secrets as ${env:KEY} references), to adopt plan/apply.") { spaces, output, withFiles };
        command.SetAction((parse, ct) => ExecuteAsync(cli, parse, async (client, _) =>
        {
            var ids = parse.GetValue(spaces)!.Select(s => SpaceId.TryParse(s, out var id, out var error) ? id : throw new ArgumentException($"'{s}' is not a Space id: {error}")).ToList();
            var options = new ManifestExportOptions
            {
                FilesFolder = parse.GetValue(withFiles),
                ManifestFolder = parse.GetValue(output) is { } file ? Path.GetDirectoryName(Path.GetFullPath(file)) : null,
            };
            var yaml = await ManifestExporter.ExportAsync(client, ids, options, ct).ConfigureAwait(false);
            if (options.FilesFolder is { } files)
            {
                await cli.Err.WriteLineAsync($"Wrote the files of {ids.Count} Space(s) below {Terminal.Safe(files)}.").ConfigureAwait(false);
            }

            if (parse.GetValue(output) is { } path)
            {
                await File.WriteAllTextAsync(path, yaml, ct).ConfigureAwait(false);
                await cli.Err.WriteLineAsync($"Wrote {ids.Count} Space(s) to {path}.").ConfigureAwait(false);
            }
            else
            {
                await cli.Out.WriteAsync(yaml).ConfigureAwait(false);
            }

            return ExitCodes.Success;
        }));
        return command;
    }

    /// <summary>Like <see cref="ExecuteAsync"/>, but every failure is exit code 1, so 2 always means "changes pending".</summary>
    private static Task<int> Run(CliContext cli, System.CommandLine.ParseResult parse, Func<HfSpacesClient, bool, Task<int>> body) =>
        ExecuteAsync(cli, parse, async (client, json) =>
        {
            try
            {
                return await body(client, json).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                await ReportAsync(cli, e, parse.GetValue(VerboseOption)).ConfigureAwait(false);
                return Failed;
            }
        });

    private static async Task<(SpaceManifest Manifest, ManifestPlan Plan)> PlanAsync(
        HfSpacesClient client, System.CommandLine.ParseResult parse, Option<string> file, Option<bool> prune, Option<bool> rotate, Option<int> parallel, CancellationToken ct)
    {
        var manifest = ManifestReader.Load(parse.GetValue(file)!);
        var maxParallel = parse.GetValue(parallel);
        if (maxParallel is < 1 or > 256)
        {
            throw new ArgumentException("--max-parallel must be between 1 and 256.");
        }

        var plan = await ManifestPlanner.PlanAsync(client, manifest, new PlanOptions
        {
            Prune = parse.GetValue(prune),
            RotateSecrets = parse.GetValue(rotate),
            MaxParallel = maxParallel,
        }, ct).ConfigureAwait(false);
        return (manifest, plan);
    }

    private static void PrintPlan(CliContext cli, ManifestPlan plan, bool detailed = false)
    {
        foreach (var space in plan.Spaces)
        {
            var what = space.Action switch
            {
                PlanAction.Create => "create",
                PlanAction.Update => space.Restarts ? "change (restarts it)" : "change",
                PlanAction.Failed => "could not be read",
                _ => "no changes",
            };
            cli.Out.WriteLine($"{space.Id}: {what}");
            if (space.Error is { } error)
            {
                cli.Out.WriteLine("    " + Terminal.Safe(error));
            }

            foreach (var change in space.Changes)
            {
                cli.Out.WriteLine("  " + Terminal.Safe(Describe(change)));
            }

            foreach (var file in detailed ? space.Files?.Changes ?? [] : [])
            {
                var mark = file.Kind switch { SpaceSyncChangeKind.Add => "+", SpaceSyncChangeKind.Change => "~", _ => "-" };
                cli.Out.WriteLine($"      {mark} {Terminal.Safe(file.Path)}");
            }

            foreach (var note in space.Notes)
            {
                cli.Out.WriteLine("  note: " + Terminal.Safe(note));
            }
        }

        var created = plan.Spaces.Count(s => s.Action == PlanAction.Create);
        var changed = plan.Spaces.Count(s => s.Action == PlanAction.Update);
        var unchanged = plan.Spaces.Count(s => s.Action == PlanAction.NoChange);
        var failed = plan.Spaces.Count(s => s.Action == PlanAction.Failed);
        var summary = plan.HasChanges ? $"Plan: {created} to create, {changed} to change, {unchanged} unchanged" : $"No changes: {unchanged} Space(s) match the manifest";
        cli.Out.WriteLine($"{summary}{(failed > 0 ? $", {failed} could not be read" : string.Empty)}.{Cost(plan.HourlyCostDelta)}");
    }

    /// <summary>"+$0.60/h, ~ +$432/month if never sleeping" from the list prices the SDK carries.</summary>
    internal static string Cost(decimal hourly) => hourly == 0
        ? string.Empty
        : $" Cost: {Format.SignedUsd(hourly)}/h, ~ {Format.SignedUsd(hourly * 720)}/month if never sleeping (list prices).";

    internal static string Describe(PlannedChange change) => change.Kind switch
    {
        ChangeKind.Create => $"+ create: {change.New}",
        ChangeKind.SetVariable when change.Old is null => $"+ variable {change.Key} = {change.New}",
        ChangeKind.SetVariable => $"~ variable {change.Key}: {change.Old} → {change.New}",
        ChangeKind.RemoveVariable => $"- variable {change.Key}",
        ChangeKind.SetSecret => $"{(change.Old == "missing" ? "+" : "~")} secret {change.Key}: {change.Old} → {change.New}",
        ChangeKind.RemoveSecret => $"- secret {change.Key}",
        ChangeKind.Files when change.Old is null => $"+ files: {change.New}",
        ChangeKind.Files => $"~ files (on {change.Old}): {change.New}; the Space rebuilds",
        _ => $"~ {Name(change.Kind)}: {change.Old ?? "-"} → {change.New ?? "-"}",
    };

    private static string Name(ChangeKind kind) => kind switch
    {
        ChangeKind.SleepTime => "sleep_time",
        ChangeKind.DevMode => "dev_mode",
        _ => kind.ToString().ToLowerInvariant(),
    };

    private static JsonObject PlanJson(ManifestPlan plan) => Json.Object(
        ("format", 1),
        ("hasChanges", plan.HasChanges),
        ("hourlyCostDeltaUsd", plan.HourlyCostDelta),
        ("spaces", Json.Array(plan.Spaces, s => Json.Object(
            ("id", s.Id.ToString()),
            ("action", s.Action.ToString().ToLowerInvariant()),
            ("restarts", s.Restarts),
            ("hourlyCostDeltaUsd", s.HourlyCostDelta),
            ("changes", Json.Array(s.Changes, ChangeJson)),
            ("notes", Json.Strings(s.Notes)),
            ("error", s.Error)))));

    private static JsonObject ChangeJson(PlannedChange c) => Json.Object(("kind", c.Kind.ToString()), ("key", c.Key), ("old", c.Old), ("new", c.New), ("restarts", c.Restarts));

    private static JsonObject ResultJson(SpaceApplyResult r) => Json.Object(
        ("id", r.Id.ToString()),
        ("applied", Json.Array(r.Applied, ChangeJson)),
        ("failed", r.FailedChange is { } f ? ChangeJson(f) : null),
        ("error", r.Error),
        ("warnings", Json.Strings(r.Warnings)),
        ("stage", r.Runtime?.Stage.ToString()));
}
