using System.CommandLine;
using System.Globalization;
using HfSpaces.Cli.Running;
using static HfSpaces.Cli.Commands.Lifecycle.LifecycleCommands;

namespace HfSpaces.Cli.Commands.Lifecycle;

/// <summary><c>hf-spaces list</c>: List Spaces.</summary>
internal static class ListCommand
{
    /// <summary>The Spaces, and whether their runtime was asked for (the table's columns).</summary>
    internal sealed record Result(IReadOnlyList<SpaceInfo> Spaces, bool WithRuntime);

    public static Command Create(CliContext cli)
    {
        var author = new Option<string?>("--author") { Description = "Only Spaces of this user or organisation." };
        var search = new Option<string?>("--search") { Description = "Only Spaces whose id contains this text." };
        var filter = new Option<string[]>("--filter") { Description = "Only Spaces with this tag (repeatable)." };
        var sort = new Option<string?>("--sort") { Description = "Newest first by lastModified, trendingScore, createdAt or likes." };
        sort.AcceptOnlyFromAmong("lastModified", "trendingScore", "createdAt", "likes");
        var limit = new Option<int>("--limit") { Description = "At most this many Spaces.", DefaultValueFactory = _ => 50 };
        var runtime = new Option<bool>("--runtime") { Description = "Also show each Space's stage and hardware." };
        return new Command("list", "List Spaces.") { author, search, filter, sort, limit, runtime }.Runs(
            cli,
            parse => new SpaceListQuery
            {
                Author = parse.GetValue(author),
                Search = parse.GetValue(search),
                Filter = parse.GetValue(filter) is { Length: > 0 } f ? f : null,
                Sort = parse.GetValue(sort),
                Limit = parse.GetValue(limit) is > 0 and var n ? n : throw new ArgumentException("--limit must be a positive number."),
                Expand = parse.GetValue(runtime) ? [SpaceExpand.Sdk, SpaceExpand.Private, SpaceExpand.Likes, SpaceExpand.LastModified, SpaceExpand.Runtime] : null,
            },
            RunAsync,
            Renderer);
    }

    internal static async Task<Result> RunAsync(RunContext run, SpaceListQuery query)
    {
        var spaces = new List<SpaceInfo>();
        await foreach (var info in run.Client.ListSpacesAsync(query, run.CancellationToken).ConfigureAwait(false))
        {
            spaces.Add(info);
        }

        return new Result(spaces, query.Expand is { } expand && expand.Contains(SpaceExpand.Runtime));
    }

    internal static Renderer<Result> Renderer { get; } = new()
    {
        Text = static (cli, result) =>
        {
            if (result.Spaces.Count == 0)
            {
                cli.Out.WriteLine("No Spaces match.");
                return;
            }

            string[] headers = result.WithRuntime ? ["space", "sdk", "visibility", "likes", "stage", "hardware", "modified"] : ["space", "sdk", "visibility", "likes", "created"];
            Output.Columns(cli, headers, result.Spaces.Select(string[] (s) =>
            {
                string[] common = [s.Id.ToString(), s.Sdk?.ToString() ?? "-", s.Private is true ? "private" : "public", s.Likes?.ToString(CultureInfo.InvariantCulture) ?? "-"];
                return result.WithRuntime
                    ? [.. common, s.Runtime?.Stage.ToString() ?? "-", s.Runtime?.Hardware?.ToString() ?? "-", Format.Date(s.LastModified)]
                    : [.. common, Format.Date(s.CreatedAt)];
            }));
        },
        Json = static result => Json.Array(result.Spaces, InfoJson),
    };
}
