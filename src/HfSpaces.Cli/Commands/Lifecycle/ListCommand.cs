using System.CommandLine;
using System.Globalization;
using static HfSpaces.Cli.Commands.Lifecycle.LifecycleCommands;
using static HfSpaces.Cli.HfSpacesCli;

namespace HfSpaces.Cli.Commands.Lifecycle;

/// <summary><c>hf-spaces list</c>: List Spaces.</summary>
internal static class ListCommand
{
    public static Command Create(CliContext cli)
    {
        var author = new Option<string?>("--author") { Description = "Only Spaces of this user or organisation." };
        var search = new Option<string?>("--search") { Description = "Only Spaces whose id contains this text." };
        var filter = new Option<string[]>("--filter") { Description = "Only Spaces with this tag (repeatable)." };
        var sort = new Option<string?>("--sort") { Description = "Newest first by lastModified, trendingScore, createdAt or likes." };
        sort.AcceptOnlyFromAmong("lastModified", "trendingScore", "createdAt", "likes");
        var limit = new Option<int>("--limit") { Description = "At most this many Spaces.", DefaultValueFactory = _ => 50 };
        var runtime = new Option<bool>("--runtime") { Description = "Also show each Space's stage and hardware." };
        var command = new Command("list", "List Spaces.") { author, search, filter, sort, limit, runtime };
        command.SetAction((parse, ct) => ExecuteAsync(cli, parse, async (client, json) =>
        {
            var withRuntime = parse.GetValue(runtime);
            var query = new SpaceListQuery
            {
                Author = parse.GetValue(author),
                Search = parse.GetValue(search),
                Filter = parse.GetValue(filter) is { Length: > 0 } f ? f : null,
                Sort = parse.GetValue(sort),
                Limit = parse.GetValue(limit) is > 0 and var n ? n : throw new ArgumentException("--limit must be a positive number."),
                Expand = withRuntime ? [SpaceExpand.Sdk, SpaceExpand.Private, SpaceExpand.Likes, SpaceExpand.LastModified, SpaceExpand.Runtime] : null,
            };
            var spaces = new List<SpaceInfo>();
            await foreach (var info in client.ListSpacesAsync(query, ct).ConfigureAwait(false))
            {
                spaces.Add(info);
            }

            if (json)
            {
                cli.WriteJson(Json.Array(spaces, InfoJson));
                return ExitCodes.Success;
            }

            if (spaces.Count == 0)
            {
                cli.Out.WriteLine("No Spaces match.");
                return ExitCodes.Success;
            }

            string[] headers = withRuntime ? ["space", "sdk", "visibility", "likes", "stage", "hardware", "modified"] : ["space", "sdk", "visibility", "likes", "created"];
            Output.Columns(cli, headers, spaces.Select(string[] (s) =>
            {
                string[] common = [s.Id.ToString(), s.Sdk?.ToString() ?? "-", s.Private is true ? "private" : "public", s.Likes?.ToString(CultureInfo.InvariantCulture) ?? "-"];
                return withRuntime
                    ? [.. common, s.Runtime?.Stage.ToString() ?? "-", s.Runtime?.Hardware?.ToString() ?? "-", Format.Date(s.LastModified)]
                    : [.. common, Format.Date(s.CreatedAt)];
            }));
            return ExitCodes.Success;
        }));
        return command;
    }
}
