using System.CommandLine;
using static HfSpaces.Cli.HfSpacesCli;

namespace HfSpaces.Cli.Commands.Files;

/// <summary><c>files rm ID PATH… [--yes]</c>: deletes files (a path ending in <c>/</c> is a folder) in one commit.</summary>
internal static class FilesRemoveCommand
{
    public static Command Create(CliContext cli)
    {
        var space = SpaceArgument();
        var paths = new Argument<string[]>("paths") { Description = "Files to delete; a path ending in '/' deletes a folder.", Arity = ArgumentArity.OneOrMore };
        var message = new Option<string?>("--message", "-m") { Description = "The commit message." };
        var yes = new Option<bool>("--yes", "-y") { Description = "Do not ask." };
        var command = new Command("rm", "Delete files of a Space in one commit (the Space rebuilds).") { space, paths, message, yes };
        command.SetAction((parse, ct) => ExecuteAsync(cli, parse, async (client, json) =>
        {
            var id = parse.GetValue(space);
            var list = parse.GetValue(paths)!;
            var operations = list.Select(p => p.EndsWith('/') ? SpaceCommitOperation.DeleteFolder(p) : SpaceCommitOperation.Delete(p)).ToList();
            if (!await cli.ConfirmAsync(
                parse.GetValue(yes),
                $"Delete {string.Join(", ", list.Select(Terminal.Safe))} from {id}? The Space rebuilds.",
                "yes",
                "Deleting files needs a confirmation: pass --yes.",
                "Nothing was deleted.",
                ct).ConfigureAwait(false))
            {
                return ExitCodes.Success;
            }

            var commit = await client.CommitAsync(id, operations, parse.GetValue(message) ?? $"Delete {string.Join(", ", list)}", cancellationToken: ct).ConfigureAwait(false);
            if (json)
            {
                cli.WriteJson(Json.Object(("commit", commit.Id), ("url", commit.Url.ToString()), ("deleted", Json.Strings(list))));
            }
            else
            {
                cli.Out.WriteLine($"Deleted {list.Length} path(s) in {commit.Id[..7]}: {Terminal.Safe(commit.Url.ToString())}");
            }

            return ExitCodes.Success;
        }));
        return command;
    }
}
