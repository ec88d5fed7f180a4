using System.CommandLine;
using static HfSpaces.Cli.Commands.Runtime.RuntimeCommands;
using static HfSpaces.Cli.HfSpacesCli;

namespace HfSpaces.Cli.Commands.Runtime;

/// <summary><c>hf-spaces hardware</c>: Request a hardware flavor; the Space rebuilds on it.</summary>
internal static class HardwareCommand
{
    public static Command Create(CliContext cli)
    {
        var space = SpaceArgument();
        var flavor = new Argument<string>("flavor") { Description = "The flavor, e.g. t4-small (see 'hardware list')." };
        var sleep = SleepOption("--sleep", "Also set the sleep time: seconds, or 'never'.");
        var force = new Option<bool>("--force") { Description = "Send a flavor this CLI does not know (one the Hub added recently)." };
        var command = new Command("hardware", "Request a hardware flavor; the Space rebuilds on it.") { space, flavor, sleep, force };
        command.SetAction((parse, ct) => ExecuteAsync(cli, parse, async (client, json) =>
        {
            var hardware = ParseFlavor(parse.GetValue(flavor)!, parse.GetValue(force));
            var id = parse.GetValue(space);
            Output.Runtime(cli, id, await client.RequestHardwareAsync(id, hardware, parse.GetValue(sleep), ct).ConfigureAwait(false), json);
            return ExitCodes.Success;
        }));

        var list = new Command("list", "List the hardware flavors a Space can request, with accelerators and prices.");
        list.SetAction((parse, ct) => ExecuteAsync(cli, parse, async (client, json) =>
        {
            var catalog = await client.ListHardwareAsync(ct).ConfigureAwait(false);
            if (json)
            {
                cli.WriteJson(Json.Array(catalog, h => Json.Object(
                    ("name", h.Name.ToString()),
                    ("prettyName", h.PrettyName),
                    ("cpu", h.Cpu),
                    ("ram", h.Ram),
                    ("accelerator", h.Accelerator is { } a ? Json.Object(("type", a.Type), ("model", a.Model), ("quantity", a.Quantity), ("vram", a.Vram), ("manufacturer", a.Manufacturer)) : null),
                    ("unitCostUsd", h.UnitCostUsd),
                    ("unitLabel", h.UnitLabel))));
                return ExitCodes.Success;
            }

            Output.Columns(cli, ["flavor", "name", "cpu", "ram", "accelerator", "price"], catalog.Select(h => new[]
            {
                h.Name.ToString(),
                h.PrettyName ?? "-",
                h.Cpu ?? "-",
                h.Ram ?? "-",
                h.Accelerator is { } a ? $"{a.Quantity}x {a.Model} {a.Vram}" : "-",
                Format.PerHour(h.UnitCostUsd * 60),
            }));
            return ExitCodes.Success;
        }));
        command.Subcommands.Add(list);
        return command;
    }
}
