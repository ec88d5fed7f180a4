using System.CommandLine;
using HfSpaces.Cli.Running;
using static HfSpaces.Cli.HfSpacesCli;

namespace HfSpaces.Cli.Commands.Runtime;

/// <summary>runtime, hardware, hardware list, sleep, pause, restart, wait, dev-mode, storage, whoami.</summary>
internal static class RuntimeCommands
{
    public static IEnumerable<Command> Create(CliContext cli)
    {
        yield return RuntimeCommand.Create(cli);
        yield return HardwareCommand.Create(cli);
        yield return SleepCommand.Create(cli);
        yield return Simple(cli, "pause", "Pause the Space (stage PAUSED, not billed); restart un-pauses it.", (c, s, ct) => c.PauseAsync(s, ct));
        yield return RestartCommand.Create(cli);
        yield return WaitCommand.Create(cli);
        yield return DevModeCommand.Create(cli);
        yield return StorageCommand.Create(cli);
        yield return WhoAmICommand.Create(cli);
    }

    /// <summary>Waits for a terminal stage; <paramref name="progress"/> hears every runtime read.</summary>
    internal static Task<SpaceRuntime> WaitAsync(HfSpacesClient client, SpaceId space, TimeSpan timeout, IProgress<SpaceRuntime> progress, CancellationToken ct) =>
        client.WaitForStageAsync(space, new WaitForStageOptions
        {
            // The SDK's schedule: the build log's end wakes it, never more reads than one a second.
            Timeout = timeout,
            Progress = progress,
        }, ct);

    internal static Command Simple(CliContext cli, string name, string description, Func<HfSpacesClient, SpaceId, CancellationToken, Task<SpaceRuntime>> call)
    {
        var space = SpaceArgument();
        return new Command(name, description) { space }.Runs(
            cli,
            parse => parse.GetValue(space),
            async (run, id) => new SpaceStatus(id, await call(run.Client, id, run.CancellationToken).ConfigureAwait(false)),
            Output.Runtime);
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

    internal static string NotASleepTime(System.CommandLine.Parsing.ArgumentResult r) =>
        $"'{r.Tokens[0].Value}' is not a sleep time: write seconds, 30m, 1h, 1h30m, 2d, or 'never'.";

    /// <summary>The manifest's reading of a sleep time (so <c>sleep ID 1h</c> works as <c>sleep_time: 1h</c> does), and -1 for never.</summary>
    internal static TimeSpan? ParseSleep(string value) =>
        value == "-1" ? Timeout.InfiniteTimeSpan : Manifests.SleepTimeText.Parse(value) is { } sleep && sleep != TimeSpan.Zero ? sleep : null;
}
