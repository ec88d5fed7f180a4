using System.CommandLine;
using HfSpaces.Cli.Running;
using static HfSpaces.Cli.HfSpacesCli;

namespace HfSpaces.Cli.Commands.Runtime;

/// <summary><c>hf-spaces storage</c>: Request or delete persistent storage (deprecated by the Hub: prefer volumes).</summary>
#pragma warning disable CS0618 // Storage is deprecated by the Hub; the CLI still exposes it.
internal static class StorageCommand
{
    /// <summary>The tier to request; null deletes the storage.</summary>
    internal sealed record Options(SpaceId Space, SpaceStorage? Tier);

    public static Command Create(CliContext cli)
    {
        var space = SpaceArgument();
        var tier = new Argument<string>("tier") { Description = "small, medium or large; 'delete' removes the storage and its data." };
        return new Command("storage", "Request or delete persistent storage (deprecated by the Hub: prefer volumes).") { space, tier }.Runs(
            cli,
            parse => new Options(parse.GetValue(space), parse.GetValue(tier) is "delete" ? (SpaceStorage?)null : SpaceStorage.Parse(parse.GetValue(tier)!)),
            RunAsync,
            Output.Runtime);
    }

    internal static async Task<SpaceStatus> RunAsync(RunContext run, Options options) =>
        new(options.Space, options.Tier is { } tier
            ? await run.Client.RequestStorageAsync(options.Space, tier, run.CancellationToken).ConfigureAwait(false)
            : await run.Client.DeleteStorageAsync(options.Space, run.CancellationToken).ConfigureAwait(false));
}
#pragma warning restore CS0618
