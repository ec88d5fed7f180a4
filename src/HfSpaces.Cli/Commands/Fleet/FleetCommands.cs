using System.CommandLine;
using System.Globalization;
using HfSpaces.Cli.Commands.Runtime;
using static HfSpaces.Cli.HfSpacesCli;

namespace HfSpaces.Cli.Commands.Fleet;

/// <summary>fleet ls | cost | pause | restart | sleep DURATION | hardware FLAVOR, over one owner's Spaces.</summary>
internal static class FleetCommands
{
    public static IEnumerable<Command> Create(CliContext cli)
    {
        var fleet = new Command("fleet", "See, cost and act on many Spaces at once, at the Hub's rate limit.");
        fleet.Subcommands.Add(List(cli));
        fleet.Subcommands.Add(Cost(cli));
        fleet.Subcommands.Add(Act(cli, "pause", "Pause every selected Space (not billed while paused).", _ => FleetOperation.Pause()));
        fleet.Subcommands.Add(Act(cli, "restart", "Restart every selected Space (also un-pauses).", _ => FleetOperation.Restart()));
        var duration = new Argument<TimeSpan>("duration")
        {
            Description = "Seconds, or 'never'.",
            CustomParser = r => RuntimeCommands.ParseSleep(r.Tokens[0].Value) ?? Fail<TimeSpan>(r, $"'{r.Tokens[0].Value}' is not a sleep time: use a positive number of seconds or 'never'."),
        };
        fleet.Subcommands.Add(Act(cli, "sleep", "Set the sleep time of every selected Space (cpu-basic ones are skipped: fixed 48 h).", p => FleetOperation.Sleep(p.GetValue(duration)), duration));
        var flavor = new Argument<string>("flavor") { Description = "The flavor, e.g. t4-small." };
        var force = new Option<bool>("--force") { Description = "Send a flavor this CLI does not know." };
        fleet.Subcommands.Add(Act(cli, "hardware", "Move every selected Space to a hardware flavor.", p => FleetOperation.Hardware(RuntimeCommands.ParseFlavor(p.GetValue(flavor)!, p.GetValue(force))), flavor, force));
        yield return fleet;
    }

    private sealed record Selectors(Option<string> Author, Option<string?> Search, Option<string[]> Stage, Option<string?> Hardware, Option<string?> Name)
    {
        public static Selectors Add(Command command)
        {
            var selectors = new Selectors(
                new Option<string>("--author") { Description = "The user or organisation whose Spaces these are.", Required = true },
                new Option<string?>("--search") { Description = "Only Spaces whose id contains this text." },
                new Option<string[]>("--stage") { Description = "Only Spaces in this stage (repeatable), e.g. RUNNING." },
                new Option<string?>("--hardware") { Description = "Only Spaces on hardware matching this pattern, e.g. 'a10g-*'." },
                new Option<string?>("--name") { Description = "Only Spaces whose name matches this pattern, e.g. 'demo-*'." });
            command.Options.Add(selectors.Author);
            command.Options.Add(selectors.Search);
            command.Options.Add(selectors.Stage);
            command.Options.Add(selectors.Hardware);
            command.Options.Add(selectors.Name);
            return selectors;
        }

        public FleetQuery Query(ParseResult parse) => new()
        {
            Author = parse.GetValue(Author)!,
            Search = parse.GetValue(Search),
            Stages = parse.GetValue(Stage) is { Length: > 0 } stages ? [.. stages.Select(s => SpaceStage.Parse(s.ToUpperInvariant()))] : null,
            Hardware = parse.GetValue(Hardware),
            Name = parse.GetValue(Name),
        };
    }

    private static async Task<List<SpaceInfo>> SelectAsync(HfSpacesClient client, FleetQuery query, CancellationToken ct)
    {
        var spaces = new List<SpaceInfo>();
        await foreach (var space in client.ListFleetAsync(query, ct).ConfigureAwait(false))
        {
            spaces.Add(space);
        }

        return spaces;
    }

    private static Command List(CliContext cli)
    {
        var command = new Command("ls", "List the selected Spaces: stage, hardware, sleep time, price, last change.");
        var selectors = Selectors.Add(command);
        command.SetAction((parse, ct) => ExecuteAsync(cli, parse, async (client, json) =>
        {
            var spaces = await SelectAsync(client, selectors.Query(parse), ct).ConfigureAwait(false);
            if (json)
            {
                cli.WriteJson(Json.Array(spaces, s => Json.Object(
                    ("id", s.Id.ToString()),
                    ("stage", s.Runtime?.Stage.ToString()),
                    ("hardware", Flavor(s)?.ToString()),
                    ("sleepTimeSeconds", Output.SleepSeconds(s.Runtime?.SleepTime)),
                    ("pricePerHourUsd", Flavor(s)?.PricePerHourUsd),
                    ("lastModified", s.LastModified))));
                return ExitCodes.Success;
            }

            Output.Columns(cli, ["space", "stage", "hardware", "sleep", "$/h", "modified"], spaces.Select(s => new[]
            {
                s.Id.ToString(),
                s.Runtime?.Stage.ToString() ?? "-",
                Flavor(s)?.ToString() ?? "-",
                s.Runtime is { } r && Flavor(s) is not null ? Format.SleepTime(r.SleepTime) : "-",
                Flavor(s)?.PricePerHourUsd is { } usd ? Format.Amount(usd) : "-",
                Format.Date(s.LastModified),
            }));
            cli.Out.WriteLine($"{spaces.Count} Space(s).");
            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command Cost(CliContext cli)
    {
        var command = new Command("cost", "What the selected Spaces cost now, from list prices: by hardware, in all, and the paid ones that never sleep.");
        var selectors = Selectors.Add(command);
        command.SetAction((parse, ct) => ExecuteAsync(cli, parse, async (client, json) =>
        {
            var cost = FleetCost.Of(await SelectAsync(client, selectors.Query(parse), ct).ConfigureAwait(false));
            if (json)
            {
                cli.WriteJson(Json.Object(
                    ("perHourUsd", cost.PerHour),
                    ("perMonthIfNeverSleepingUsd", cost.PerMonthIfNeverSleeping),
                    ("byHardware", Json.Array(cost.ByHardware, h => Json.Object(("hardware", h.Hardware.ToString()), ("spaces", h.Spaces), ("perHourUsd", h.PerHour)))),
                    ("spaces", Json.Array(cost.Running, r => Json.Object(("id", r.Id.ToString()), ("hardware", r.Hardware.ToString()), ("perHourUsd", r.PerHour)))),
                    ("neverSleeping", Json.Strings(cost.NeverSleeping.Select(r => r.Id.ToString()))),
                    ("unpricedHardware", Json.Strings(cost.UnpricedHardware.Select(h => h.ToString())))));
                return ExitCodes.Success;
            }

            Output.Columns(cli, ["hardware", "running", "$/h"], cost.ByHardware.Select(h => new[] { h.Hardware.ToString(), h.Spaces.ToString(CultureInfo.InvariantCulture), Format.Usd(h.PerHour) }));
            cli.Out.WriteLine($"Running now: {Format.Usd(cost.PerHour)}/h, ~ {Format.Usd(cost.PerMonthIfNeverSleeping)}/month if nothing sleeps (list prices).");
            if (cost.NeverSleeping.Count > 0)
            {
                cli.Out.WriteLine($"Never sleeping ({cost.NeverSleeping.Count}): " + string.Join(", ", cost.NeverSleeping.Select(n => $"{n.Id} ({Format.PerHour(n.PerHour)})")));
            }

            if (cost.UnpricedHardware.Count > 0)
            {
                cli.Out.WriteLine("Not priced (newer than this CLI): " + string.Join(", ", cost.UnpricedHardware));
            }

            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command Act(CliContext cli, string name, string description, Func<ParseResult, FleetOperation> operation, params Symbol[] extra)
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
        command.SetAction((parse, ct) => ExecuteAsync(cli, parse, async (client, json) =>
        {
            var action = operation(parse);
            var maxParallel = parse.GetValue(parallel) is >= 1 and <= 256 and var n ? n : throw new ArgumentException("--max-parallel must be between 1 and 256.");
            var query = selectors.Query(parse);
            var spaces = await SelectAsync(client, query, ct).ConfigureAwait(false);
            if (parse.GetValue(dryRun))
            {
                foreach (var space in spaces)
                {
                    var skip = action.WhySkipped(space);
                    Event(cli, json, space.Id, skip is null ? "would" : "skip", skip is null ? action.Name : skip);
                }

                Summary(cli, json, action, spaces.Count(s => action.WhySkipped(s) is null), 0, spaces.Count(s => action.WhySkipped(s) is not null), 0, dry: true);
                return ExitCodes.Success;
            }

            if (!await cli.ConfirmAsync(
                spaces.Count == 0 || parse.GetValue(yes),
                $"{action.Name} {spaces.Count} Space(s) of {query.Author}?",
                "yes",
                $"Refusing to {action.Name} {spaces.Count} Space(s) of {query.Author} without confirmation: stdin is not a terminal. Check with --dry-run, then pass --yes.",
                "Not confirmed: nothing was sent.",
                ct).ConfigureAwait(false))
            {
                return ExitCodes.Cancelled;
            }

            var output = new Lock();
            var announcedUntil = DateTimeOffset.MinValue;
            var results = await client.RunFleetAsync(spaces, action, new HubScheduler(maxParallel), new InlineProgress<FleetResult>(r =>
            {
                lock (output)
                {
                    Event(cli, json, r.Space.Id, r.Outcome switch { FleetOutcome.Succeeded => "done", FleetOutcome.Skipped => "skip", FleetOutcome.Failed => "FAILED", _ => "not started" }, r.Reason ?? r.Runtime?.Stage.ToString());

                    // Once per closing of the client's rate-limit gate: why the lines stop for a while.
                    if (client.RateLimitResetsIn is var wait && wait >= TimeSpan.FromSeconds(1) && DateTimeOffset.UtcNow >= announcedUntil)
                    {
                        announcedUntil = DateTimeOffset.UtcNow + wait;
                        Event(cli, json, null, "waiting", $"{Math.Ceiling(wait.TotalSeconds).ToString(CultureInfo.InvariantCulture)} s for the Hub's rate limit");
                    }
                }
            }), ct).ConfigureAwait(false);
            var failed = results.Count(r => r.Outcome == FleetOutcome.Failed);
            var notStarted = results.Count(r => r.Outcome == FleetOutcome.NotStarted);
            Summary(cli, json, action, results.Count(r => r.Outcome == FleetOutcome.Succeeded), failed, results.Count(r => r.Outcome == FleetOutcome.Skipped), notStarted, dry: false);
            return notStarted > 0 ? ExitCodes.Cancelled : failed > 0 ? ExitCodes.HubFailure : ExitCodes.Success;
        }));
        return command;
    }

    /// <summary>A line per Space on a terminal; one NDJSON event per Space with --json.</summary>
    private static void Event(CliContext cli, bool json, SpaceId? space, string what, string? detail)
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

    private static void Summary(CliContext cli, bool json, FleetOperation action, int done, int failed, int skipped, int notStarted, bool dry)
    {
        if (json)
        {
            cli.WriteJsonLine(Json.Object(("event", "summary"), ("operation", action.Name), ("dryRun", dry), ("succeeded", done), ("failed", failed), ("skipped", skipped), ("notStarted", notStarted)));
            return;
        }

        cli.Out.WriteLine(dry
            ? $"Dry run: {action.Name} would go to {done} Space(s), {skipped} skipped. Nothing was sent."
            : $"{action.Name}: {done} done, {failed} failed, {skipped} skipped{(notStarted > 0 ? $", {notStarted} not started (cancelled)" : string.Empty)}.");
    }

    private static SpaceHardware? Flavor(SpaceInfo space) => space.Runtime?.EffectiveHardware;

}
