using System.CommandLine;
using HfSpaces.Cli.Running;
using static HfSpaces.Cli.Commands.Fleet.FleetCommands;

namespace HfSpaces.Cli.Commands.Fleet;

/// <summary><c>fleet ls</c>: the selected Spaces with their stage, hardware, sleep time, price and last change.</summary>
internal static class FleetListCommand
{
    public static Command Create(CliContext cli)
    {
        var command = new Command("ls", "List the selected Spaces: stage, hardware, sleep time, price, last change.");
        var selectors = Selectors.Add(command);
        return command.Runs(cli, selectors.Query, SelectAsync, Renderer);
    }

    internal static Renderer<IReadOnlyList<SpaceInfo>> Renderer { get; } = new()
    {
        Text = static (cli, spaces) =>
        {
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
        },
        Json = static spaces => Json.Array(spaces, s => Json.Object(
            ("id", s.Id.ToString()),
            ("stage", s.Runtime?.Stage.ToString()),
            ("hardware", Flavor(s)?.ToString()),
            ("sleepTimeSeconds", Output.SleepSeconds(s.Runtime?.SleepTime)),
            ("pricePerHourUsd", Flavor(s)?.PricePerHourUsd),
            ("lastModified", s.LastModified))),
    };

    private static SpaceHardware? Flavor(SpaceInfo space) => space.Runtime?.EffectiveHardware;
}
