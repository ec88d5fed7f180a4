using System.CommandLine;
using HfSpaces.Cli.Running;
using static HfSpaces.Cli.HfSpacesCli;

namespace HfSpaces.Cli.Commands.Files;

/// <summary><c>files ls ID [PATH] [--recursive]</c>: a folder's files and folders, with sizes and ids.</summary>
internal static class FilesListCommand
{
    internal sealed record Options(SpaceId Space, string? Path, bool Recursive, string? Revision);

    public static Command Create(CliContext cli)
    {
        var space = SpaceArgument();
        var path = new Argument<string?>("path") { Description = "A folder (default: the root).", DefaultValueFactory = _ => null };
        var recursive = new Option<bool>("--recursive", "-r") { Description = "Everything below, not only the folder's children." };
        var revision = FilesCommand.RevisionOption();
        return new Command("ls", "List a Space's files.") { space, path, recursive, revision }.Runs(
            cli,
            parse => new Options(parse.GetValue(space), parse.GetValue(path), parse.GetValue(recursive), parse.GetValue(revision)),
            RunAsync,
            Renderer);
    }

    internal static async Task<IReadOnlyList<SpaceFileInfo>> RunAsync(RunContext run, Options options) =>
        await run.Client.ListFilesAsync(options.Space, options.Path, options.Recursive, options.Revision, run.CancellationToken).ToListAsync(run.CancellationToken).ConfigureAwait(false);

    internal static Renderer<IReadOnlyList<SpaceFileInfo>> Renderer { get; } = new()
    {
        Text = static (cli, files) => Output.Columns(cli, ["PATH", "SIZE", "ID"], files.Select(f => new[]
        {
            Terminal.Safe(f.Path) + (f.IsDirectory ? "/" : string.Empty),
            f.IsDirectory ? string.Empty : Format.Bytes(f.Size) + (f.Lfs is null ? string.Empty : " (LFS)"),
            f.BlobId[..Math.Min(12, f.BlobId.Length)],
        })),
        Json = static files => Json.Array(files, f => Json.Object(
            ("path", f.Path),
            ("type", f.IsDirectory ? "directory" : "file"),
            ("size", f.Size),
            ("oid", f.BlobId),
            ("lfs", f.Lfs is { } lfs ? Json.Object(("sha256", lfs.Sha256), ("size", lfs.Size)) : null))),
    };
}
