using System.CommandLine;
using HfSpaces.Cli.Running;
using static HfSpaces.Cli.Commands.Runtime.RuntimeCommands;
using static HfSpaces.Cli.HfSpacesCli;

namespace HfSpaces.Cli.Commands.Runtime;

/// <summary><c>hf-spaces hardware</c>: Request a hardware flavor; the Space rebuilds on it. <c>hardware list</c>: the catalog.</summary>
internal static class HardwareCommand
{
    internal sealed record Options(SpaceId Space, SpaceHardware Hardware, TimeSpan? SleepTime);

    public static Command Create(CliContext cli)
    {
        var space = SpaceArgument();
        var flavor = new Argument<string>("flavor") { Description = "The flavor, e.g. t4-small (see 'hardware list')." };
        var sleep = SleepOption("--sleep", "Also set the sleep time: seconds, or 'never'.");
        var force = new Option<bool>("--force") { Description = "Send a flavor this CLI does not know (one the Hub added recently)." };
        var command = new Command("hardware", "Request a hardware flavor; the Space rebuilds on it.") { space, flavor, sleep, force }.Runs(
            cli,
            parse => new Options(parse.GetValue(space), ParseFlavor(parse.GetValue(flavor)!, parse.GetValue(force)), parse.GetValue(sleep)),
            RunAsync,
            Output.Runtime);
        command.Subcommands.Add(new Command("list", "List the hardware flavors a Space can request, with accelerators and prices.")
            .Runs(cli, static _ => (object?)null, ListAsync, Catalog));
        return command;
    }

    internal static async Task<SpaceStatus> RunAsync(RunContext run, Options options) =>
        new(options.Space, await run.Client.RequestHardwareAsync(options.Space, options.Hardware, options.SleepTime, run.CancellationToken).ConfigureAwait(false));

    internal static Task<IReadOnlyList<SpaceHardwareInfo>> ListAsync(RunContext run, object? none) => run.Client.ListHardwareAsync(run.CancellationToken);

    internal static Renderer<IReadOnlyList<SpaceHardwareInfo>> Catalog { get; } = new()
    {
        Text = static (cli, catalog) => Output.Columns(cli, ["flavor", "name", "cpu", "ram", "accelerator", "price"], catalog.Select(h => new[]
        {
            h.Name.ToString(),
            h.PrettyName ?? "-",
            h.Cpu ?? "-",
            h.Ram ?? "-",
            h.Accelerator is { } a ? $"{a.Quantity}x {a.Model} {a.Vram}" : "-",
            Format.PerHour(h.UnitCostUsd * 60),
        })),
        Json = static catalog => Json.Array(catalog, h => Json.Object(
            ("name", h.Name.ToString()),
            ("prettyName", h.PrettyName),
            ("cpu", h.Cpu),
            ("ram", h.Ram),
            ("accelerator", h.Accelerator is { } a ? Json.Object(("type", a.Type), ("model", a.Model), ("quantity", a.Quantity), ("vram", a.Vram), ("manufacturer", a.Manufacturer)) : null),
            ("unitCostUsd", h.UnitCostUsd),
            ("unitLabel", h.UnitLabel))),
    };
}
