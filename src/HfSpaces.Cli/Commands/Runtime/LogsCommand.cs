using System.CommandLine;
using static HfSpaces.Cli.HfSpacesCli;

namespace HfSpaces.Cli.Commands.Runtime;

/// <summary>logs [--build] [--follow] [--tail N].</summary>
internal static class LogsCommand
{
    public static IEnumerable<Command> Create(CliContext cli)
    {
        var space = SpaceArgument();
        var build = new Option<bool>("--build") { Description = "The image build's logs instead of the application's." };
        var follow = new Option<bool>("--follow", "-f") { Description = "Keep reading until Ctrl+C." };
        var tail = new Option<int?>("--tail") { Description = "Only the last N lines." };
        var command = new Command("logs", "Print the Space's run (or build) logs.") { space, build, follow, tail };
        command.SetAction((parse, ct) => ExecuteAsync(cli, parse, async (client, json) =>
        {
            var options = new SpaceLogOptions
            {
                Type = parse.GetValue(build) ? SpaceLogType.Build : SpaceLogType.Run,
                Follow = parse.GetValue(follow),
                Tail = parse.GetValue(tail),
            };
            await foreach (var line in client.StreamLogsAsync(parse.GetValue(space), options, ct).ConfigureAwait(false))
            {
                if (json)
                {
                    cli.WriteJsonLine(Json.Object(("text", line.Text), ("timestamp", line.Timestamp)));
                }
                else
                {
                    var text = Terminal.Safe(line.Text);
                    cli.Out.WriteLine(line.Timestamp is { } at ? $"{Format.Timestamp(at)}  {text}" : text);
                }
            }

            return ExitCodes.Success;
        }));
        yield return command;
    }
}
