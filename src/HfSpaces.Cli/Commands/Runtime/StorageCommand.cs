using System.CommandLine;
using static HfSpaces.Cli.HfSpacesCli;

namespace HfSpaces.Cli.Commands.Runtime;

/// <summary><c>hf-spaces storage</c>: Request or delete persistent storage (deprecated by the Hub: prefer volumes).</summary>
#pragma warning disable CS0618 // Storage is deprecated by the Hub; the CLI still exposes it.
internal static class StorageCommand
{
    public static Command Create(CliContext cli)
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
}
#pragma warning restore CS0618
