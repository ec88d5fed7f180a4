using System.CommandLine;
using System.Globalization;
using static HfSpaces.Cli.HfSpacesCli;

namespace HfSpaces.Cli.Commands.Lifecycle;

/// <summary><c>hf-spaces replicas</c>: Set how many replicas run the Space.</summary>
internal static class ReplicasCommand
{
    public static Command Create(CliContext cli)
    {
        var space = SpaceArgument();
        var count = new Argument<string>("count") { Description = "A number of replicas, or 'auto' to let the Hub scale (paid hardware only)." };
        var command = new Command("replicas", "Set how many replicas run the Space.") { space, count };
        command.SetAction((parse, ct) => ExecuteAsync(cli, parse, async (client, json) =>
        {
            var id = parse.GetValue(space);
            var value = parse.GetValue(count)!;
            if (value.Equals("auto", StringComparison.OrdinalIgnoreCase))
            {
                await client.SetAutoReplicasAsync(id, ct).ConfigureAwait(false);
            }
            else if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 1)
            {
                await client.SetReplicasAsync(id, n, ct).ConfigureAwait(false);
            }
            else
            {
                throw new ArgumentException($"'{value}' is not a replica count: use a number from 1, or 'auto'.");
            }

            Output.Runtime(cli, id, await client.GetRuntimeAsync(id, ct).ConfigureAwait(false), json);
            return ExitCodes.Success;
        }));
        return command;
    }
}
