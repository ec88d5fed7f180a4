using System.CommandLine;
using System.Diagnostics;
using HfSpaces.Cli.Commands.Runtime;
using HfSpaces.Cli.Running;
using static HfSpaces.Cli.HfSpacesCli;

namespace HfSpaces.Cli.Commands.Files;

/// <summary>
/// <c>deploy ID [DIR]</c>: the file plan (what is added, changed, deleted, ignored and why, bytes to send), a question on a
/// terminal, the upload with a live display, one commit, and with <c>--wait</c> the build followed to RUNNING (exit 0) or
/// its error stage (exit 7, with the build log's last lines).
/// </summary>
internal static class DeployCommand
{
    /// <summary><see cref="Wait"/>: follow the build for at most this long; null: do not.</summary>
    internal sealed record Options(SpaceId Space, string Folder, SpaceSyncOptions Sync, bool DryRun, bool Yes, TimeSpan? Wait);

    /// <summary>What was planned and committed (null: nothing to do, a dry run, or not confirmed); with --wait the stage it ended on and, when not RUNNING, the build log's last lines.</summary>
    internal sealed record Result(SpaceSyncPlan Plan, SpaceCommit? Commit, SpaceStatus? Ended, IReadOnlyList<string> BuildLog);

    public static Command Create(CliContext cli)
    {
        var space = SpaceArgument();
        var folder = new Argument<string>("dir") { Description = "The folder to deploy (default: the current one).", DefaultValueFactory = _ => "." };
        var message = new Option<string?>("--message", "-m") { Description = "The commit message (default: 'Deploy with hf-spaces')." };
        var delete = new Option<bool>("--delete") { Description = "Also delete the Space's files the folder does not have (README.md and .gitattributes stay unless the folder has its own)." };
        var dryRun = new Option<bool>("--dry-run") { Description = "Show the plan and send nothing." };
        var wait = new Option<bool>("--wait") { Description = "Follow the build until the Space runs (exit 0) or fails (exit 7)." };
        var timeout = new Option<int>("--timeout") { Description = "With --wait: give up after this many seconds (exit 6).", DefaultValueFactory = _ => 1800 };
        var yes = new Option<bool>("--yes", "-y") { Description = "Do not ask before committing." };
        var include = new Option<string[]>("--include") { Description = "Only files matching this glob (repeatable), e.g. '**/*.py'." };
        var ignore = new Option<string[]>("--ignore") { Description = "Leave out files matching this .gitignore line (repeatable), on top of the folder's .gitignore and .hfignore." };
        var hotReload = new Option<bool>("--hot-reload") { Description = "Ask a running gradio Space to reload changed Python files in place instead of rebuilding (experimental on the Hub)." };
        var allowSecret = new Option<string[]>("--allow-secret-file") { Description = "Send this file although it looks like a credential (repeatable; a glob). Secrets belong in 'secrets set'." };
        var command = new Command("deploy", "Deploy a folder to a Space: send only the files that changed, in one commit (the Space rebuilds).")
        {
            space, folder, message, delete, dryRun, wait, timeout, yes, include, ignore, allowSecret, hotReload,
        };
        return command.Runs(
            cli,
            parse => new Options(
                parse.GetValue(space),
                parse.GetValue(folder)!,
                new SpaceSyncOptions
                {
                    Message = parse.GetValue(message) is { Length: > 0 } m ? m : "Deploy with hf-spaces",
                    DeleteMissing = parse.GetValue(delete),
                    Include = parse.GetValue(include) ?? [],
                    Ignore = parse.GetValue(ignore) ?? [],
                    AllowCredentialFiles = parse.GetValue(allowSecret) ?? [],
                    HotReload = parse.GetValue(hotReload),
                },
                parse.GetValue(dryRun),
                parse.GetValue(yes),
                parse.GetValue(timeout) is > 0 and var seconds
                    ? parse.GetValue(wait) ? TimeSpan.FromSeconds(seconds) : null
                    : throw new ArgumentException("--timeout must be a positive number of seconds.")),
            static (cli, json) => new DeployDisplay(cli, json),
            RunAsync,
            Renderer);
    }

    internal static async Task<Result> RunAsync(RunContext run, Options options, DeployDisplay display)
    {
        var (plan, commit) = await DeployAsync(run, display, options.Space, options.Folder, options.Sync, options.DryRun, options.Yes).ConfigureAwait(false);
        // Nothing to deploy still waits (the last deploy may be building); a dry run or a "no" does not.
        if (options.Wait is not { } timeout || options.DryRun || (commit is null && plan.HasChanges))
        {
            return new Result(plan, commit, null, []);
        }

        var ended = new SpaceStatus(options.Space, await RuntimeCommands.WaitAsync(run.Client, options.Space, timeout, new StageLines(run.Cli, run.Json), run.CancellationToken).ConfigureAwait(false));
        return new Result(plan, commit, ended, ended.Runtime.Stage == SpaceStage.Running ? [] : await BuildLogAsync(run, options.Space).ConfigureAwait(false));
    }

    /// <summary>Plans, asks, uploads and commits (null: nothing to do, a dry run, not confirmed); also the second step of <c>create --from DIR</c>.</summary>
    internal static async Task<(SpaceSyncPlan Plan, SpaceCommit? Commit)> DeployAsync(RunContext run, DeployDisplay display, SpaceId id, string dir, SpaceSyncOptions options, bool dryRun, bool yes)
    {
        var (cli, client, ct) = (run.Cli, run.Client, run.CancellationToken);
        var plan = await client.PlanSyncAsync(id, dir, options, cancellationToken: ct).ConfigureAwait(false);
        display.Plan(plan, dir, options.HotReload);
        if (!plan.HasChanges)
        {
            display.NothingToDo(plan);
            return (plan, null);
        }

        // A person at a terminal is asked; a script (no terminal) or --yes goes ahead, as gh does.
        if (dryRun || (cli.Interactive && !yes && !await cli.ConfirmAsync(false, $"Commit these changes to {id}?", "yes", string.Empty, "Nothing was sent.", ct).ConfigureAwait(false)))
        {
            return (plan, null);
        }

        var clock = Stopwatch.StartNew();
        var commit = await display.UploadAsync(plan, progress => client.CommitPlanAsync(plan, options, progress, ct)).ConfigureAwait(false);
        display.Committed(commit, clock.Elapsed);
        return (plan, commit);
    }

    /// <summary>The build log's last 20 lines; none when it cannot be read (the stage is the answer, the log a courtesy).</summary>
    private static async Task<IReadOnlyList<string>> BuildLogAsync(RunContext run, SpaceId id)
    {
        var log = new List<string>();
        try
        {
            await foreach (var line in run.Client.StreamLogsAsync(id, new SpaceLogOptions { Type = SpaceLogType.Build, Tail = 20 }, run.CancellationToken).ConfigureAwait(false))
            {
                log.Add(line.Text);
            }
        }
        catch (HfSpacesException)
        {
        }

        return log.TakeLast(20).ToList();
    }

    /// <summary>The view said the plan, the upload and the commit; this says where a --wait ended (RUNNING 0, otherwise 7 and the build log).</summary>
    internal static Renderer<Result> Renderer { get; } = new()
    {
        Text = static (_, _) => { },
        Json = static result => result.Ended is { } ended ? Json.Object(("event", "stage"), ("stage", ended.Runtime.Stage.ToString()), ("hardware", ended.Runtime.Hardware?.ToString())) : null,
        JsonLine = true,
        Diagnostics = static result => result.Ended is { } ended && ended.Runtime.Stage != SpaceStage.Running
            ? [WaitCommand.NotRunning(ended), .. result.BuildLog.Select(line => $"  build: {Terminal.Safe(line)}")]
            : [],
        ExitCode = static result => result.Ended is { } ended && ended.Runtime.Stage != SpaceStage.Running ? ExitCodes.NotRunning : ExitCodes.Success,
    };
}
