using System.CommandLine;
using static HfSpaces.Cli.Commands.Runtime.RuntimeCommands;
using static HfSpaces.Cli.HfSpacesCli;

namespace HfSpaces.Cli.Commands.Runtime;

/// <summary><c>hf-spaces sleep</c>: Set the sleep time. Prints the sleep time the Hub reports afterwards.</summary>
internal static class SleepCommand
{
    public static Command Create(CliContext cli)
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
}
