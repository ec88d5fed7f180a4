using System.CommandLine;
using System.Diagnostics;
using HfSpaces.Cli.Commands.Runtime;
using static HfSpaces.Cli.HfSpacesCli;

namespace HfSpaces.Cli.Commands.Files;

/// <summary>
/// <c>deploy ID [DIR]</c>: the file plan (what is added, changed, deleted, ignored and why, bytes to send), a question on a
/// terminal, the upload with a live display, one commit, and with <c>--wait</c> the build followed to RUNNING (exit 0) or
/// its error stage (exit 7, with the build log's last lines).
/// </summary>
internal static class DeployCommand
{
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
        command.SetAction((parse, ct) => ExecuteAsync(cli, parse, async (client, json) =>
        {
            var id = parse.GetValue(space);
            var dir = parse.GetValue(folder)!;
            var options = new SpaceSyncOptions
            {
                Message = parse.GetValue(message) is { Length: > 0 } m ? m : "Deploy with hf-spaces",
                DeleteMissing = parse.GetValue(delete),
                Include = parse.GetValue(include) ?? [],
                Ignore = parse.GetValue(ignore) ?? [],
                AllowCredentialFiles = parse.GetValue(allowSecret) ?? [],
                HotReload = parse.GetValue(hotReload),
            };
            if (parse.GetValue(timeout) <= 0)
            {
                throw new ArgumentException("--timeout must be a positive number of seconds.");
            }

            var display = new DeployDisplay(cli, json);
            var code = await DeployAsync(cli, client, display, id, dir, options, parse.GetValue(dryRun), parse.GetValue(yes), ct).ConfigureAwait(false);
            return code != ExitCodes.Success || !parse.GetValue(wait) || parse.GetValue(dryRun)
                ? code
                : await WaitAsync(cli, client, id, TimeSpan.FromSeconds(parse.GetValue(timeout)), json, ct).ConfigureAwait(false);
        }));
        return command;
    }

    /// <summary>Plans, asks, uploads and commits; also the second step of <c>create --from DIR</c>.</summary>
    internal static async Task<int> DeployAsync(CliContext cli, HfSpacesClient client, DeployDisplay display, SpaceId id, string dir, SpaceSyncOptions options, bool dryRun, bool yes, CancellationToken ct)
    {
        var plan = await client.PlanSyncAsync(id, dir, options, cancellationToken: ct).ConfigureAwait(false);
        display.Plan(plan, dir, options.HotReload);
        if (!plan.HasChanges)
        {
            display.NothingToDo(plan);
            return ExitCodes.Success;
        }

        if (dryRun)
        {
            return ExitCodes.Success;
        }

        // A person at a terminal is asked; a script (no terminal) or --yes goes ahead, as gh does.
        if (cli.Interactive && !yes && !await cli.ConfirmAsync(false, $"Commit these changes to {id}?", "yes", string.Empty, "Nothing was sent.", ct).ConfigureAwait(false))
        {
            return ExitCodes.Success;
        }

        var clock = Stopwatch.StartNew();
        var commit = await display.UploadAsync(plan, progress => client.CommitPlanAsync(plan, options, progress, ct)).ConfigureAwait(false);
        display.Committed(commit, clock.Elapsed);
        return ExitCodes.Success;
    }

    /// <summary>Follows the build; RUNNING is 0, an error stage 7 with the build log's last lines.</summary>
    private static async Task<int> WaitAsync(CliContext cli, HfSpacesClient client, SpaceId id, TimeSpan timeout, bool json, CancellationToken ct)
    {
        var runtime = await RuntimeCommands.WaitAsync(cli, client, id, timeout, quiet: json, ct).ConfigureAwait(false);
        if (json)
        {
            cli.WriteJsonLine(Json.Object(("event", "stage"), ("stage", runtime.Stage.ToString()), ("hardware", runtime.Hardware?.ToString())));
        }

        if (runtime.Stage == SpaceStage.Running)
        {
            return ExitCodes.Success;
        }

        var log = new List<string>();
        try
        {
            await foreach (var line in client.StreamLogsAsync(id, new SpaceLogOptions { Type = SpaceLogType.Build, Tail = 20 }, ct).ConfigureAwait(false))
            {
                log.Add(line.Text);
            }
        }
        catch (HfSpacesException)
        {
            // The stage is the answer; the log is a courtesy.
        }

        await cli.Err.WriteLineAsync($"error: {id} ended {Terminal.Safe(runtime.Stage.ToString())}, not RUNNING{(runtime.ErrorMessage is { } error ? $": {Terminal.Safe(error)}" : ".")}").ConfigureAwait(false);
        foreach (var line in log.TakeLast(20))
        {
            await cli.Err.WriteLineAsync($"  build: {Terminal.Safe(line)}").ConfigureAwait(false);
        }

        return ExitCodes.NotRunning;
    }
}
