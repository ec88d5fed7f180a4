using System.CommandLine;
using System.Globalization;
using HfSpaces.Cli.Running;
using static HfSpaces.Cli.Commands.Fleet.FleetCommands;

namespace HfSpaces.Cli.Commands.Fleet;

/// <summary><c>fleet cost</c>: what the selected Spaces cost now, from list prices: by hardware, in all, and the paid ones that never sleep.</summary>
internal static class FleetCostCommand
{
    public static Command Create(CliContext cli)
    {
        var command = new Command("cost", "What the selected Spaces cost now, from list prices: by hardware, in all, and the paid ones that never sleep.");
        var selectors = Selectors.Add(command);
        return command.Runs(cli, selectors.Query, static async (run, query) => FleetCost.Of(await SelectAsync(run, query).ConfigureAwait(false)), Renderer);
    }

    internal static Renderer<FleetCost> Renderer { get; } = new()
    {
        Text = static (cli, cost) =>
        {
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
        },
        Json = static cost => Json.Object(
            ("perHourUsd", cost.PerHour),
            ("perMonthIfNeverSleepingUsd", cost.PerMonthIfNeverSleeping),
            ("byHardware", Json.Array(cost.ByHardware, h => Json.Object(("hardware", h.Hardware.ToString()), ("spaces", h.Spaces), ("perHourUsd", h.PerHour)))),
            ("spaces", Json.Array(cost.Running, r => Json.Object(("id", r.Id.ToString()), ("hardware", r.Hardware.ToString()), ("perHourUsd", r.PerHour)))),
            ("neverSleeping", Json.Strings(cost.NeverSleeping.Select(r => r.Id.ToString()))),
            ("unpricedHardware", Json.Strings(cost.UnpricedHardware.Select(h => h.ToString())))),
    };
}
