using System.CommandLine;
using HfSpaces.Cli.Running;
using static HfSpaces.Cli.HfSpacesCli;

namespace HfSpaces.Cli.Commands.Runtime;

/// <summary>logs [--build] [--follow] [--tail N].</summary>
internal static class LogsCommand
{
    internal sealed record Options(SpaceId Space, SpaceLogOptions Log);

    public static IEnumerable<Command> Create(CliContext cli)
    {
        var space = SpaceArgument();
        var build = new Option<bool>("--build") { Description = "The image build's logs instead of the application's." };
        var follow = new Option<bool>("--follow", "-f") { Description = "Keep reading until Ctrl+C." };
        var tail = new Option<int?>("--tail") { Description = "Only the last N lines." };
        yield return new Command("logs", "Print the Space's run (or build) logs.") { space, build, follow, tail }.Runs(
            cli,
            parse => new Options(parse.GetValue(space), new SpaceLogOptions
            {
                Type = parse.GetValue(build) ? SpaceLogType.Build : SpaceLogType.Run,
                Follow = parse.GetValue(follow),
                Tail = parse.GetValue(tail),
            }),
            static (cli, json) => new LogLines(cli, json),
            RunAsync,
            new Renderer<int> { Text = static (_, _) => { }, Json = null });
    }

    /// <summary>Each line to the view as it arrives; the number of lines read.</summary>
    internal static async Task<int> RunAsync(RunContext run, Options options, IProgress<SpaceLogLine> lines)
    {
        var count = 0;
        await foreach (var line in run.Client.StreamLogsAsync(options.Space, options.Log, run.CancellationToken).ConfigureAwait(false))
        {
            lines.Report(line);
            count++;
        }

        return count;
    }

    /// <summary>A line as <c>2026-…Z  text</c> (the text made safe for a terminal), or one NDJSON object a line.</summary>
    private sealed class LogLines(CliContext cli, bool json) : IProgress<SpaceLogLine>
    {
        public void Report(SpaceLogLine value)
        {
            if (json)
            {
                cli.WriteJsonLine(Json.Object(("text", value.Text), ("timestamp", value.Timestamp)));
                return;
            }

            var text = Terminal.Safe(value.Text);
            cli.Out.WriteLine(value.Timestamp is { } at ? $"{Format.Timestamp(at)}  {text}" : text);
        }
    }
}
