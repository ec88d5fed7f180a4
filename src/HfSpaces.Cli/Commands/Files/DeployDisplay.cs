using System.Globalization;
using Spectre.Console;

namespace HfSpaces.Cli.Commands.Files;

/// <summary>
/// How a deploy shows itself: on a terminal a live Spectre.Console progress display (bytes, rate, time left); piped, one
/// plain line per file sent; with --json one NDJSON event per step. The SDK reports through <see cref="IProgress{T}"/>;
/// this is the only place that draws.
/// </summary>
internal sealed class DeployDisplay(CliContext cli, bool json)
{
    public void Plan(SpaceSyncPlan plan, string folder, bool hotReload)
    {
        if (json)
        {
            cli.WriteJsonLine(Json.Object(
                ("event", "plan"),
                ("space", plan.Space.ToString()),
                ("baseCommit", plan.BaseCommit),
                ("add", plan.Count(SpaceSyncChangeKind.Add)),
                ("change", plan.Count(SpaceSyncChangeKind.Change)),
                ("delete", plan.Count(SpaceSyncChangeKind.Delete)),
                ("unchanged", plan.Unchanged),
                ("bytesToSend", plan.BytesToSend),
                ("files", Json.Array(plan.Changes, c => Json.Object(("path", c.Path), ("change", Kind(c.Kind)), ("size", c.Size)))),
                ("ignored", Json.Array(plan.Ignored, i => Json.Object(("path", i.Path), ("reason", i.Reason))))));
            return;
        }

        cli.Out.WriteLine($"Deploy {Terminal.Safe(folder)} to {plan.Space} (on {plan.BaseCommit[..7]}):");
        var width = plan.Changes.Count == 0 ? 0 : Math.Min(60, plan.Changes.Max(c => c.Path.Length));
        foreach (var change in plan.Changes)
        {
            var mark = change.Kind switch { SpaceSyncChangeKind.Add => "+", SpaceSyncChangeKind.Change => "~", _ => "-" };
            var size = change.Kind == SpaceSyncChangeKind.Delete ? string.Empty : Format.Bytes(change.Size);
            cli.Out.WriteLine($"  {mark} {Terminal.Safe(change.Path).PadRight(width)}  {size}".TrimEnd());
        }

        foreach (var ignored in plan.Ignored)
        {
            cli.Out.WriteLine($"    ignored {Terminal.Safe(ignored.Path)} ({Terminal.Safe(ignored.Reason)})");
        }

        cli.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{plan.Count(SpaceSyncChangeKind.Add)} to add, {plan.Count(SpaceSyncChangeKind.Change)} to change, {plan.Count(SpaceSyncChangeKind.Delete)} to delete, {plan.Unchanged} unchanged; {Format.Bytes(plan.BytesToSend)} to send; {(hotReload ? "a running gradio Space reloads Python files in place, otherwise it rebuilds once" : "the Space rebuilds once")}."));
    }

    /// <summary>Runs the upload, showing its progress; returns what <paramref name="upload"/> returns.</summary>
    public async Task<T> UploadAsync<T>(SpaceSyncPlan plan, Func<IProgress<SpaceTransferProgress>, Task<T>> upload)
    {
        var total = plan.BytesToSend;
        if (json || !cli.LiveDisplay)
        {
            // One event or line per file, when it has been sent whole (not per buffer).
            var sent = new HashSet<string>(StringComparer.Ordinal);
            return await upload(new InlineProgress<SpaceTransferProgress>(p =>
            {
                if (p.Phase != SpaceTransferPhase.Uploading || p.Bytes != p.TotalBytes || !sent.Add(p.Path))
                {
                    return;
                }

                if (json)
                {
                    cli.WriteJsonLine(Json.Object(("event", "uploaded"), ("path", p.Path), ("bytes", p.Bytes)));
                }
                else
                {
                    cli.Out.WriteLine($"  sent {Terminal.Safe(p.Path)} ({Format.Bytes(p.Bytes)})");
                }
            })).ConfigureAwait(false);
        }

        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(cli.Out), Interactive = InteractionSupport.Yes, Ansi = AnsiSupport.Yes, ColorSystem = cli.Colors ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors });
        T result = default!;
        await console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new DownloadedColumn(), new TransferSpeedColumn(), new RemainingTimeColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask($"Uploading {plan.Changes.Count(c => c.Kind != SpaceSyncChangeKind.Delete)} files", maxValue: Math.Max(total, 1));
                var sent = new Dictionary<string, long>(StringComparer.Ordinal);
                result = await upload(new InlineProgress<SpaceTransferProgress>(p =>
                {
                    if (p.Phase != SpaceTransferPhase.Uploading)
                    {
                        return;
                    }

                    var before = sent.GetValueOrDefault(p.Path);
                    sent[p.Path] = p.Bytes;
                    task.Increment(p.Bytes - before);
                    task.Description = $"Uploading {Markup.Escape(p.Path)}";
                })).ConfigureAwait(false);
                task.Value = task.MaxValue;
                task.Description = "Uploaded";
            }).ConfigureAwait(false);
        return result;
    }

    public void Committed(SpaceCommit commit, TimeSpan took)
    {
        if (json)
        {
            cli.WriteJsonLine(Json.Object(("event", "committed"), ("commit", commit.Id), ("url", commit.Url.ToString()), ("seconds", Math.Round(took.TotalSeconds, 2))));
            return;
        }

        cli.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Committed {commit.Id[..7]} in {took.TotalSeconds:0.0} s: {Terminal.Safe(commit.Url.ToString())}"));
    }

    public void NothingToDo(SpaceSyncPlan plan)
    {
        if (json)
        {
            cli.WriteJsonLine(Json.Object(("event", "unchanged"), ("space", plan.Space.ToString()), ("commit", plan.BaseCommit)));
            return;
        }

        cli.Out.WriteLine($"Nothing to deploy: {plan.Space} already has these files ({plan.Unchanged} unchanged, at {plan.BaseCommit[..7]}).");
    }

    private static string Kind(SpaceSyncChangeKind kind) => kind switch
    {
        SpaceSyncChangeKind.Add => "add",
        SpaceSyncChangeKind.Change => "change",
        _ => "delete",
    };
}
