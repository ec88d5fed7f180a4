using System.CommandLine;
using System.Text.Json.Nodes;
using HfSpaces.Cli.Running;
using HfSpaces.Manifests;

namespace HfSpaces.Cli.Commands.Manifest;

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
        yield return PlanCommand.Create(cli);
        yield return ApplyCommand.Create(cli);
        yield return ExportCommand.Create(cli);
    }

    /// <summary>What plan and apply read from the command line: the manifest's path and the planner's options.</summary>
    internal sealed record PlanInput(string File, PlanOptions Plan);

    /// <summary>The options plan and apply share (--file, --prune, --rotate-secrets, --max-parallel), added to a command and bound from it.</summary>
    internal sealed class PlanOptionSet
    {
        private readonly Option<string> file = new("--file", "-f") { Description = "The manifest.", DefaultValueFactory = _ => "spaces.yaml" };
        private readonly Option<bool> prune = new("--prune") { Description = "Also remove variables and secrets the manifest does not list." };
        private readonly Option<bool> rotate = new("--rotate-secrets") { Description = "Send every secret again (the Hub never returns values, so they cannot be compared)." };
        private readonly Option<int> parallel = new("--max-parallel") { Description = "How many Spaces are read or changed at once.", DefaultValueFactory = _ => HubScheduler.DefaultMaxParallel };

        public PlanOptionSet(Command command)
        {
            command.Options.Add(file);
            command.Options.Add(prune);
            command.Options.Add(rotate);
            command.Options.Add(parallel);
        }

        public PlanInput Bind(System.CommandLine.ParseResult parse) => new(parse.GetValue(file)!, new PlanOptions
        {
            Prune = parse.GetValue(prune),
            RotateSecrets = parse.GetValue(rotate),
            MaxParallel = parse.GetValue(parallel) is >= 1 and <= 256 and var n ? n : throw new ArgumentException("--max-parallel must be between 1 and 256."),
        });
    }

    /// <summary>Reads the manifest and plans it against the Hub.</summary>
    internal static async Task<(SpaceManifest Manifest, ManifestPlan Plan)> PlanAsync(RunContext run, PlanInput input)
    {
        var manifest = ManifestReader.Load(input.File);
        return (manifest, await ManifestPlanner.PlanAsync(run.Client, manifest, input.Plan, run.CancellationToken).ConfigureAwait(false));
    }

    internal static void PrintPlan(CliContext cli, ManifestPlan plan, bool detailed = false)
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

    internal static string Name(ChangeKind kind) => kind switch
    {
        ChangeKind.SleepTime => "sleep_time",
        ChangeKind.DevMode => "dev_mode",
        _ => kind.ToString().ToLowerInvariant(),
    };

    internal static JsonObject PlanJson(ManifestPlan plan) => Json.Object(
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

    internal static JsonObject ChangeJson(PlannedChange c) => Json.Object(("kind", c.Kind.ToString()), ("key", c.Key), ("old", c.Old), ("new", c.New), ("restarts", c.Restarts));

    internal static JsonObject ResultJson(SpaceApplyResult r) => Json.Object(
        ("id", r.Id.ToString()),
        ("applied", Json.Array(r.Applied, ChangeJson)),
        ("failed", r.FailedChange is { } f ? ChangeJson(f) : null),
        ("error", r.Error),
        ("warnings", Json.Strings(r.Warnings)),
        ("stage", r.Runtime?.Stage.ToString()));
}
