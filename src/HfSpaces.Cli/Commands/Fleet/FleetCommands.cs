using System.CommandLine;
using HfSpaces.Cli.Commands.Runtime;
using HfSpaces.Cli.Running;
using static HfSpaces.Cli.HfSpacesCli;

namespace HfSpaces.Cli.Commands.Fleet;

/// <summary>fleet ls | cost | pause | restart | sleep DURATION | hardware FLAVOR, over one owner's Spaces: the group, its selectors and the selection (the verbs: FleetListCommand, FleetCostCommand, FleetActCommand).</summary>
internal static class FleetCommands
{
    public static IEnumerable<Command> Create(CliContext cli)
    {
        var fleet = new Command("fleet", "See, cost and act on many Spaces at once, at the Hub's rate limit.");
        fleet.Subcommands.Add(FleetListCommand.Create(cli));
        fleet.Subcommands.Add(FleetCostCommand.Create(cli));
        fleet.Subcommands.Add(FleetActCommand.Create(cli, "pause", "Pause every selected Space (not billed while paused).", _ => FleetOperation.Pause()));
        fleet.Subcommands.Add(FleetActCommand.Create(cli, "restart", "Restart every selected Space (also un-pauses).", _ => FleetOperation.Restart()));
        var duration = new Argument<TimeSpan>("duration")
        {
            Description = "Seconds, or 'never'.",
            CustomParser = r => RuntimeCommands.ParseSleep(r.Tokens[0].Value) ?? Fail<TimeSpan>(r, $"'{r.Tokens[0].Value}' is not a sleep time: use a positive number of seconds or 'never'."),
        };
        fleet.Subcommands.Add(FleetActCommand.Create(cli, "sleep", "Set the sleep time of every selected Space (cpu-basic ones are skipped: fixed 48 h).", p => FleetOperation.Sleep(p.GetValue(duration)), duration));
        var flavor = new Argument<string>("flavor") { Description = "The flavor, e.g. t4-small." };
        var force = new Option<bool>("--force") { Description = "Send a flavor this CLI does not know." };
        fleet.Subcommands.Add(FleetActCommand.Create(cli, "hardware", "Move every selected Space to a hardware flavor.", p => FleetOperation.Hardware(RuntimeCommands.ParseFlavor(p.GetValue(flavor)!, p.GetValue(force))), flavor, force));
        yield return fleet;
    }

    internal sealed record Selectors(Option<string> Author, Option<string?> Search, Option<string[]> Stage, Option<string?> Hardware, Option<string?> Name)
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

    internal static async Task<IReadOnlyList<SpaceInfo>> SelectAsync(RunContext run, FleetQuery query)
    {
        var spaces = new List<SpaceInfo>();
        await foreach (var space in run.Client.ListFleetAsync(query, run.CancellationToken).ConfigureAwait(false))
        {
            spaces.Add(space);
        }

        return spaces;
    }
}
