using System.CommandLine;
using System.Globalization;
using HfSpaces.Cli.Running;
using static HfSpaces.Cli.HfSpacesCli;

namespace HfSpaces.Cli.Commands.Lifecycle;

/// <summary><c>hf-spaces replicas</c>: Set how many replicas run the Space.</summary>
internal static class ReplicasCommand
{
    /// <summary>A count, or null for 'auto'.</summary>
    internal sealed record Options(SpaceId Space, int? Count);

    public static Command Create(CliContext cli)
    {
        var space = SpaceArgument();
        var count = new Argument<string>("count") { Description = "A number of replicas, or 'auto' to let the Hub scale (paid hardware only)." };
        return new Command("replicas", "Set how many replicas run the Space.") { space, count }.Runs(
            cli,
            parse => new Options(parse.GetValue(space), Count(parse.GetValue(count)!)),
            RunAsync,
            Output.Runtime);
    }

    private static int? Count(string value) =>
        value.Equals("auto", StringComparison.OrdinalIgnoreCase) ? null
        : int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 1 ? n
        : throw new ArgumentException($"'{value}' is not a replica count: use a number from 1, or 'auto'.");

    /// <summary>Sets the count, then reads the runtime that shows it.</summary>
    internal static async Task<SpaceStatus> RunAsync(RunContext run, Options options)
    {
        if (options.Count is { } n)
        {
            await run.Client.SetReplicasAsync(options.Space, n, run.CancellationToken).ConfigureAwait(false);
        }
        else
        {
            await run.Client.SetAutoReplicasAsync(options.Space, run.CancellationToken).ConfigureAwait(false);
        }

        return new SpaceStatus(options.Space, await run.Client.GetRuntimeAsync(options.Space, run.CancellationToken).ConfigureAwait(false));
    }
}
