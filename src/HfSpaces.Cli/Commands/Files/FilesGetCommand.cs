using System.CommandLine;
using HfSpaces.Cli.Running;
using static HfSpaces.Cli.HfSpacesCli;

namespace HfSpaces.Cli.Commands.Files;

/// <summary><c>files get ID PATH [-o FILE]</c>: one file, to standard output or a file (written whole or not at all).</summary>
internal static class FilesGetCommand
{
    /// <summary><see cref="Output"/> null: standard output.</summary>
    internal sealed record Options(SpaceId Space, string Path, string? Output, string? Revision);

    /// <summary>What was written where; null <see cref="Download"/> when the bytes went to standard output (nothing more to say).</summary>
    internal sealed record Result(Options Options, SpaceFileDownload? Download);

    public static Command Create(CliContext cli)
    {
        var space = SpaceArgument();
        var path = new Argument<string>("path") { Description = "The file's path in the Space." };
        var output = new Option<string?>("--output", "-o") { Description = "Write it to this file (default: standard output)." };
        var revision = FilesCommand.RevisionOption();
        return new Command("get", "Download one of a Space's files.") { space, path, output, revision }.Runs(
            cli,
            parse => new Options(parse.GetValue(space), parse.GetValue(path)!, parse.GetValue(output), parse.GetValue(revision)),
            RunAsync,
            Renderer);
    }

    internal static async Task<Result> RunAsync(RunContext run, Options options)
    {
        if (options.Output is not { } target)
        {
            var stdout = run.Cli.OpenStandardOutput();
            await using (stdout.ConfigureAwait(false))
            {
                await run.Client.DownloadFileAsync(options.Space, options.Path, stdout, options.Revision, run.CancellationToken).ConfigureAwait(false);
            }

            return new Result(options, null);
        }

        // Into a file beside the target, renamed once complete: a broken download never leaves half a file.
        var partial = target + ".partial";
        try
        {
            SpaceFileDownload download;
            var file = new FileStream(partial, FileMode.Create, FileAccess.Write, FileShare.None, 81920, FileOptions.Asynchronous);
            await using (file.ConfigureAwait(false))
            {
                download = await run.Client.DownloadFileAsync(options.Space, options.Path, file, options.Revision, run.CancellationToken).ConfigureAwait(false);
            }

            File.Move(partial, target, overwrite: true);
            return new Result(options, download);
        }
        finally
        {
            File.Delete(partial);
        }
    }

    /// <summary>Without -o stdout held the file's bytes: nothing more. With -o, a line on stderr (stdout may be piped), or the JSON.</summary>
    internal static Renderer<Result> Renderer { get; } = new()
    {
        Text = static (cli, result) =>
        {
            if (result.Download is { } download && result.Options.Output is { } target)
            {
                cli.Err.WriteLine($"Wrote {Format.Bytes(download.Length)} to {Terminal.Safe(target)}{(download.CommitId is { Length: >= 7 } c ? $" (at {c[..7]})" : string.Empty)}.");
            }
        },
        Json = static result => result.Download is { } download
            ? Json.Object(("path", result.Options.Path), ("output", result.Options.Output), ("bytes", download.Length), ("commit", download.CommitId))
            : null,
    };
}
