using System.CommandLine;
using System.Globalization;
using static HfSpaces.Cli.HfSpacesCli;

namespace HfSpaces.Cli.Commands;

/// <summary>runtime, hardware, hardware list, sleep, pause, restart, wait, dev-mode, storage, whoami.</summary>
internal static class RuntimeCommands
{
    public static IEnumerable<Command> Create(CliContext cli)
    {
        yield return Runtime(cli);
        yield return Hardware(cli);
        yield return Sleep(cli);
        yield return Simple(cli, "pause", "Pause the Space (stage PAUSED, not billed); restart un-pauses it.", (c, s, ct) => c.PauseAsync(s, ct));
        yield return Restart(cli);
        yield return Wait(cli);
        yield return DevMode(cli);
        yield return Storage(cli);
        yield return WhoAmI(cli);
    }

    private static Command Runtime(CliContext cli)
    {
        var space = SpaceArgument();
        var command = new Command("runtime", "Show the Space's stage, hardware, sleep time, storage and domains.") { space };
        command.SetAction((parse, ct) => ExecuteAsync(cli, parse, async (client, json) =>
        {
            var id = parse.GetValue(space);
            Output.Runtime(cli, id, await client.GetRuntimeAsync(id, ct).ConfigureAwait(false), json);
            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command Hardware(CliContext cli)
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

    private static Command Sleep(CliContext cli)
    {
        var space = SpaceArgument();
        var seconds = new Argument<TimeSpan>("seconds")
        {
            Description = "Inactivity before the Space sleeps, in seconds, or 'never'. Only upgraded hardware can change it.",
            CustomParser = r => ParseSleep(r.Tokens[0].Value) ?? Fail<TimeSpan>(r, NotASleepTime(r)),
        };
        var command = new Command("sleep", "Set the sleep time. Prints the sleep time the Hub reports afterwards.") { space, seconds };
        command.SetAction((parse, ct) => ExecuteAsync(cli, parse, async (client, json) =>
        {
            var id = parse.GetValue(space);
            var wanted = parse.GetValue(seconds);
            var runtime = await client.SetSleepTimeAsync(id, wanted, ct).ConfigureAwait(false);
            Output.Runtime(cli, id, runtime, json);
            if (runtime.EffectiveHardware == SpaceHardware.CpuBasic && runtime.SleepTime != wanted)
            {
                // The Hub's rule: the request succeeds and changes nothing. Say so instead of a silent success.
                await cli.Err.WriteLineAsync($"warning: {id} runs on cpu-basic, which always sleeps after 48 h: the sleep time was not changed. Request upgraded hardware first ('hf-spaces hardware {id} FLAVOR --sleep …').").ConfigureAwait(false);
            }

            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command Restart(CliContext cli)
    {
        var space = SpaceArgument();
        var factory = new Option<bool>("--factory") { Description = "Factory reboot: rebuild without cache." };
        var command = new Command("restart", "Restart the Space (also un-pauses it).") { space, factory };
        command.SetAction((parse, ct) => ExecuteAsync(cli, parse, async (client, json) =>
        {
            var id = parse.GetValue(space);
            Output.Runtime(cli, id, await client.RestartAsync(id, parse.GetValue(factory), ct).ConfigureAwait(false), json);
            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command Wait(CliContext cli)
    {
        var space = SpaceArgument();
        var timeout = new Option<int>("--timeout") { Description = "Give up after this many seconds (exit code 6).", DefaultValueFactory = _ => 600 };
        var command = new Command("wait", "Wait until the Space leaves BUILDING/APP_STARTING; prints each stage as it changes. Exit code 0 on RUNNING, 7 on an error stage or PAUSED, 6 on timeout.") { space, timeout };
        command.SetAction((parse, ct) => ExecuteAsync(cli, parse, async (client, json) =>
        {
            var id = parse.GetValue(space);
            var seconds = parse.GetValue(timeout);
            if (seconds <= 0)
            {
                throw new ArgumentException("--timeout must be a positive number of seconds.");
            }

            var runtime = await WaitAsync(cli, client, id, TimeSpan.FromSeconds(seconds), quiet: json, ct).ConfigureAwait(false);
            if (json)
            {
                Output.Runtime(cli, id, runtime, json: true);
            }

            if (runtime.Stage == SpaceStage.Running)
            {
                return ExitCodes.Success;
            }

            // So that 'hardware … && wait … && deploy' stops here.
            await cli.Err.WriteLineAsync($"error: {id} ended {Terminal.Safe(runtime.Stage.ToString())}, not RUNNING{(runtime.ErrorMessage is { } message ? $": {Terminal.Safe(message)}" : ".")}").ConfigureAwait(false);
            return ExitCodes.NotRunning;
        }));
        return command;
    }

    /// <summary>Waits and shows progress: one line per stage change, with the elapsed time.</summary>
    internal static Task<SpaceRuntime> WaitAsync(CliContext cli, HfSpacesClient client, SpaceId space, TimeSpan timeout, bool quiet, CancellationToken ct)
    {
        var started = DateTimeOffset.UtcNow;
        SpaceStage? last = null;
        return client.WaitForStageAsync(space, new WaitForStageOptions
        {
            // The SDK's schedule: the build log's end wakes it, never more reads than one a second.
            Timeout = timeout,
            Progress = new InlineProgress<SpaceRuntime>(runtime =>
            {
                if (!quiet && runtime.Stage != last)
                {
                    last = runtime.Stage;
                    cli.Out.WriteLine($"  [{(DateTimeOffset.UtcNow - started).TotalSeconds,5:0.0}s] {cli.Stage(runtime.Stage)}{(runtime.RequestedHardware is { } r ? $" ({Terminal.Safe(r.ToString())})" : string.Empty)}");
                }
            }),
        }, ct);
    }

    private static Command DevMode(CliContext cli)
    {
        var space = SpaceArgument();
        var state = new Argument<string>("state") { Description = "on or off." };
        state.AcceptOnlyFromAmong("on", "off");
        var command = new Command("dev-mode", "Turn dev mode on or off (PRO, Team and Enterprise accounts).") { space, state };
        command.SetAction((parse, ct) => ExecuteAsync(cli, parse, async (client, json) =>
        {
            var id = parse.GetValue(space);
            Output.Runtime(cli, id, await client.SetDevModeAsync(id, parse.GetValue(state) == "on", ct).ConfigureAwait(false), json);
            return ExitCodes.Success;
        }));
        return command;
    }

#pragma warning disable CS0618 // Storage is deprecated by the Hub; the CLI still exposes it.
    private static Command Storage(CliContext cli)
    {
        var space = SpaceArgument();
        var tier = new Argument<string>("tier") { Description = "small, medium or large; 'delete' removes the storage and its data." };
        var command = new Command("storage", "Request or delete persistent storage (deprecated by the Hub: prefer volumes).") { space, tier };
        command.SetAction((parse, ct) => ExecuteAsync(cli, parse, async (client, json) =>
        {
            var id = parse.GetValue(space);
            var value = parse.GetValue(tier)!;
            var runtime = value == "delete"
                ? await client.DeleteStorageAsync(id, ct).ConfigureAwait(false)
                : await client.RequestStorageAsync(id, SpaceStorage.Parse(value), ct).ConfigureAwait(false);
            Output.Runtime(cli, id, runtime, json);
            return ExitCodes.Success;
        }));
        return command;
    }
#pragma warning restore CS0618

    private static Command WhoAmI(CliContext cli)
    {
        var command = new Command("whoami", "Show the account behind the token.");
        command.SetAction((parse, ct) => ExecuteAsync(cli, parse, async (client, json) =>
        {
            var account = await client.WhoAmIAsync(ct).ConfigureAwait(false);
            if (json)
            {
                cli.WriteJson(Json.Object(("name", account.Name), ("fullName", account.FullName), ("type", account.Type), ("organizations", Json.Strings(account.Organizations))));
            }
            else
            {
                Output.Table(cli, [("name", account.Name), ("organizations", account.Organizations.Count == 0 ? "-" : string.Join(", ", account.Organizations))]);
            }

            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command Simple(CliContext cli, string name, string description, Func<HfSpacesClient, SpaceId, CancellationToken, Task<SpaceRuntime>> call)
    {
        var space = SpaceArgument();
        var command = new Command(name, description) { space };
        command.SetAction((parse, ct) => ExecuteAsync(cli, parse, async (client, json) =>
        {
            var id = parse.GetValue(space);
            Output.Runtime(cli, id, await call(client, id, ct).ConfigureAwait(false), json);
            return ExitCodes.Success;
        }));
        return command;
    }

    /// <summary>A known flavor (any case), or — with --force — any string; otherwise a usage error with a did-you-mean.</summary>
    internal static SpaceHardware ParseFlavor(string value, bool force)
    {
        if (force)
        {
            return SpaceHardware.TryParse(value, out var known) ? known : new SpaceHardware(value);
        }

        try
        {
            return SpaceHardware.Parse(value);
        }
        catch (ArgumentException e)
        {
            // The SDK's message speaks C# ("use new SpaceHardware(…)"): say it in CLI words.
            var message = e.Message.Split(" (Parameter", 2)[0];
            var cut = message.IndexOf(" To send a value", StringComparison.Ordinal);
            throw new ArgumentException($"{(cut >= 0 ? message[..cut] : message)} If the Hub added it after this CLI was built, pass --force to send it anyway (see 'hf-spaces hardware list').", e);
        }
    }

    internal static Option<TimeSpan?> SleepOption(string name, string description) => new(name)
    {
        Description = description,
        CustomParser = r => ParseSleep(r.Tokens[0].Value) ?? Fail<TimeSpan?>(r, NotASleepTime(r)),
    };

    private static string NotASleepTime(System.CommandLine.Parsing.ArgumentResult r) =>
        $"'{r.Tokens[0].Value}' is not a sleep time: write seconds, 30m, 1h, 1h30m, 2d, or 'never'.";

    /// <summary>The manifest's reading of a sleep time (so <c>sleep ID 1h</c> works as <c>sleep_time: 1h</c> does), and -1 for never.</summary>
    internal static TimeSpan? ParseSleep(string value) =>
        value == "-1" ? Timeout.InfiniteTimeSpan : Manifests.SleepTimeText.Parse(value) is { } sleep && sleep != TimeSpan.Zero ? sleep : null;
}
