using System.CommandLine;
using static HfSpaces.Cli.Commands.Runtime.RuntimeCommands;
using static HfSpaces.Cli.HfSpacesCli;

namespace HfSpaces.Cli.Commands.Runtime;

/// <summary><c>hf-spaces wait</c>: Wait until the Space leaves BUILDING/APP_STARTING; prints each stage as it changes. Exit code 0 on RUNNING, 7 on an error stage or PAUSED, 6 on timeout.</summary>
internal static class WaitCommand
{
    public static Command Create(CliContext cli)
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
}
