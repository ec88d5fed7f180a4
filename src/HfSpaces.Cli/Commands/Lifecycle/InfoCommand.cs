using System.CommandLine;
using System.Globalization;
using HfSpaces.Cli.Running;
using static HfSpaces.Cli.Commands.Lifecycle.LifecycleCommands;
using static HfSpaces.Cli.HfSpacesCli;

namespace HfSpaces.Cli.Commands.Lifecycle;

/// <summary><c>hf-spaces info</c>: Show a Space: owner, SDK, visibility, dates, tags and runtime.</summary>
internal static class InfoCommand
{
    /// <summary><see cref="Expand"/> null: the Hub's default properties.</summary>
    internal sealed record Options(SpaceId Space, IReadOnlyList<string>? Expand);

    public static Command Create(CliContext cli)
    {
        var space = SpaceArgument();
        var expand = new Option<string[]>("--expand") { Description = "Only these properties (repeatable): runtime, sdk, likes, private, tags, …" };
        return new Command("info", "Show a Space: owner, SDK, visibility, dates, tags and runtime.") { space, expand }.Runs(
            cli,
            parse => new Options(parse.GetValue(space), parse.GetValue(expand) is { Length: > 0 } e ? e : null),
            RunAsync,
            Renderer);
    }

    internal static Task<SpaceInfo> RunAsync(RunContext run, Options options) =>
        run.Client.GetSpaceInfoAsync(options.Space, options.Expand, run.CancellationToken);

    internal static Renderer<SpaceInfo> Renderer { get; } = new()
    {
        Text = static (cli, info) => Output.Table(cli, [
            ("space", info.Id.ToString()),
            ("author", info.Author ?? "-"),
            ("sdk", info.Sdk?.ToString() ?? "-"),
            ("visibility", info.Private switch { true => "private", false => "public", null => "-" }),
            ("gated", info.Gated?.ToString().ToLowerInvariant() ?? "-"),
            ("likes", info.Likes?.ToString(CultureInfo.InvariantCulture) ?? "-"),
            ("created", Format.Date(info.CreatedAt)),
            ("modified", Format.Date(info.LastModified)),
            ("tags", info.Tags is { Count: > 0 } tags ? string.Join(", ", tags) : "-"),
            ("stage", info.Runtime is { } r ? cli.Stage(r.Stage) : "-"),
            ("hardware", info.Runtime?.Hardware?.ToString() ?? "-"),
        ]),
        Json = InfoJson,
    };
}
