using System.CommandLine;
using static HfSpaces.Cli.HfSpacesCli;

namespace HfSpaces.Cli.Commands.Files;

/// <summary><c>files get ID PATH [-o FILE]</c>: one file, to standard output or a file (written whole or not at all).</summary>
internal static class FilesGetCommand
{
    public static Command Create(CliContext cli)
    {
        var space = SpaceArgument();
        var path = new Argument<string>("path") { Description = "The file's path in the Space." };
        var output = new Option<string?>("--output", "-o") { Description = "Write it to this file (default: standard output)." };
        var revision = FilesCommand.RevisionOption();
        var command = new Command("get", "Download one of a Space's files.") { space, path, output, revision };
        command.SetAction((parse, ct) => ExecuteAsync(cli, parse, async (client, json) =>
        {
            var target = parse.GetValue(output);
            if (target is null)
            {
                var stdout = cli.OpenStandardOutput();
                await using (stdout.ConfigureAwait(false))
                {
                    await client.DownloadFileAsync(parse.GetValue(space), parse.GetValue(path)!, stdout, parse.GetValue(revision), ct).ConfigureAwait(false);
                }

                return ExitCodes.Success;
            }

            // Into a file beside the target, renamed once complete: a broken download never leaves half a file.
            var partial = target + ".partial";
            SpaceFileDownload download;
            try
            {
                var file = new FileStream(partial, FileMode.Create, FileAccess.Write, FileShare.None, 81920, FileOptions.Asynchronous);
                await using (file.ConfigureAwait(false))
                {
                    download = await client.DownloadFileAsync(parse.GetValue(space), parse.GetValue(path)!, file, parse.GetValue(revision), ct).ConfigureAwait(false);
                }

                File.Move(partial, target, overwrite: true);
            }
            finally
            {
                File.Delete(partial);
            }

            if (json)
            {
                cli.WriteJson(Json.Object(("path", parse.GetValue(path)), ("output", target), ("bytes", download.Length), ("commit", download.CommitId)));
            }
            else
            {
                await cli.Err.WriteLineAsync($"Wrote {Format.Bytes(download.Length)} to {Terminal.Safe(target)}{(download.CommitId is { Length: >= 7 } c ? $" (at {c[..7]})" : string.Empty)}.").ConfigureAwait(false);
            }

            return ExitCodes.Success;
        }));
        return command;
    }
}
