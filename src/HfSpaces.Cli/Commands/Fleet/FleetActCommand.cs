using System.CommandLine;
using System.Globalization;
using HfSpaces.Cli.Running;
using static HfSpaces.Cli.Commands.Fleet.FleetCommands;

namespace HfSpaces.Cli.Commands.Fleet;

/// <summary>
/// <c>fleet pause|restart|sleep|hardware</c>: one operation over the selected Spaces at the Hub's rate limit, a line (or
/// NDJSON event) a Space as each ends, and a summary. Exit code 0 all done, 5 any failed, 130 cancelled before all started.
/// </summary>
internal static class FleetActCommand
{
    internal sealed record Options(FleetOperation Operation, FleetQuery Query, bool DryRun, bool Yes, int MaxParallel);

    /// <summary>The selected Spaces and, unless a dry run or not confirmed, what happened to each.</summary>
    internal sealed record Result(Options Options, IReadOnlyList<SpaceInfo> Selected, IReadOnlyList<FleetResult>? Results, bool Confirmed);

    public static Command Create(CliContext cli, string name, string description, Func<ParseResult, FleetOperation> operation, params Symbol[] extra)
    {
        var command = new Command(name, description);
        foreach (var symbol in extra)
        {
            switch (symbol)
            {
                case Argument argument: command.Arguments.Add(argument); break;
                case Option option: command.Options.Add(option); break;
            }
        }

        var selectors = Selectors.Add(command);
        var dryRun = new Option<bool>("--dry-run") { Description = "Show what would be done; send nothing." };
        var yes = new Option<bool>("--yes", "-y") { Description = "Do not ask (needed when stdin is not a terminal)." };
        var parallel = new Option<int>("--max-parallel") { Description = "How many Spaces at once.", DefaultValueFactory = _ => HubScheduler.DefaultMaxParallel };
        command.Options.Add(dryRun);
        command.Options.Add(yes);
        command.Options.Add(parallel);
        return command.Runs(
            cli,
            parse => new Options(
                operation(parse),
                selectors.Query(parse),
                parse.GetValue(dryRun),
                parse.GetValue(yes),
                parse.GetValue(parallel) is >= 1 and <= 256 and var n ? n : throw new ArgumentException("--max-parallel must be between 1 and 256.")),
            static (cli, json) => new Events(cli, json),
            RunAsync,
            Renderer);
    }

    internal static async Task<Result> RunAsync(RunContext run, Options options, Events events)
    {
        var (action, query) = (options.Operation, options.Query);
        var spaces = await SelectAsync(run, query).ConfigureAwait(false);

        if (options.DryRun)
        {
            foreach (var space in spaces)
            {
                var skip = action.WhySkipped(space);
                events.Write(space.Id, skip is null ? "would" : "skip", skip ?? action.Name);
            }

            return new Result(options, spaces, null, Confirmed: true);
        }

        if (!await run.Cli.ConfirmAsync(
            spaces.Count == 0 || options.Yes,
            $"{action.Name} {spaces.Count} Space(s) of {query.Author}?",
            "yes",
            $"Refusing to {action.Name} {spaces.Count} Space(s) of {query.Author} without confirmation: stdin is not a terminal. Check with --dry-run, then pass --yes.",
            "Not confirmed: nothing was sent.",
            run.CancellationToken).ConfigureAwait(false))
        {
            return new Result(options, spaces, null, Confirmed: false);
        }

        var results = await run.Client.RunFleetAsync(spaces, action, new HubScheduler(options.MaxParallel), events.Progress(run.Client), run.CancellationToken).ConfigureAwait(false);
        return new Result(options, spaces, results, Confirmed: true);
    }

    /// <summary>The summary: a sentence, or the NDJSON stream's last event.</summary>
    internal static Renderer<Result> Renderer { get; } = new()
    {
        Text = static (cli, result) =>
        {
            if (!result.Confirmed)
            {
                return;
            }

            var (name, t) = (result.Options.Operation.Name, Tally(result));
            cli.Out.WriteLine(result.Results is null
                ? $"Dry run: {name} would go to {t.Done} Space(s), {t.Skipped} skipped. Nothing was sent."
                : $"{name}: {t.Done} done, {t.Failed} failed, {t.Skipped} skipped{(t.NotStarted > 0 ? $", {t.NotStarted} not started (cancelled)" : string.Empty)}.");
        },
        Json = static result => result.Confirmed && Tally(result) is var t
            ? Json.Object(("event", "summary"), ("operation", result.Options.Operation.Name), ("dryRun", result.Results is null), ("succeeded", t.Done), ("failed", t.Failed), ("skipped", t.Skipped), ("notStarted", t.NotStarted))
            : null,
        JsonLine = true,
        ExitCode = static result => !result.Confirmed || Tally(result).NotStarted > 0 ? ExitCodes.Cancelled
            : Tally(result).Failed > 0 ? ExitCodes.HubFailure
            : ExitCodes.Success,
    };

    /// <summary>The summary's counts; for a dry run, the Spaces the operation would go to (as done) and those it skips.</summary>
    private static (int Done, int Failed, int Skipped, int NotStarted) Tally(Result result)
    {
        if (result.Results is not { } results)
        {
            var skipped = result.Selected.Count(s => result.Options.Operation.WhySkipped(s) is not null);
            return (result.Selected.Count - skipped, 0, skipped, 0);
        }

        int Count(FleetOutcome outcome) => results.Count(r => r.Outcome == outcome);
        return (Count(FleetOutcome.Succeeded), Count(FleetOutcome.Failed), Count(FleetOutcome.Skipped), Count(FleetOutcome.NotStarted));
    }

    /// <summary>A line a Space on a terminal, one NDJSON event a Space with --json; and why the lines stop for a while (the rate limit).</summary>
    internal sealed class Events(CliContext cli, bool json)
    {
        private readonly Lock output = new();

        public void Write(SpaceId? space, string what, string? detail)
        {
            if (json)
            {
                cli.WriteJsonLine(Json.Object(("event", what.ToLowerInvariant().Replace(' ', '_')), ("space", space?.ToString()), ("detail", detail)));
            }
            else
            {
                cli.Out.WriteLine($"{what,-11} {(space is { } id ? id.ToString() : "…")}{(detail is null ? string.Empty : $": {Terminal.Safe(detail)}")}");
            }
        }

        /// <summary>Reported from the scheduler's workers: one event at a time.</summary>
        public IProgress<FleetResult> Progress(HfSpacesClient client)
        {
            var announcedUntil = DateTimeOffset.MinValue;
            return new InlineProgress<FleetResult>(r =>
            {
                lock (output)
                {
                    Write(r.Space.Id, r.Outcome switch { FleetOutcome.Succeeded => "done", FleetOutcome.Skipped => "skip", FleetOutcome.Failed => "FAILED", _ => "not started" }, r.Reason ?? r.Runtime?.Stage.ToString());

                    // Once per closing of the client's rate-limit gate.
                    if (client.RateLimitResetsIn is var wait && wait >= TimeSpan.FromSeconds(1) && DateTimeOffset.UtcNow >= announcedUntil)
                    {
                        announcedUntil = DateTimeOffset.UtcNow + wait;
                        Write(null, "waiting", $"{Math.Ceiling(wait.TotalSeconds).ToString(CultureInfo.InvariantCulture)} s for the Hub's rate limit");
                    }
                }
            });
        }
    }
}
