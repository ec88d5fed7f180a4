using System.CommandLine;
using HfSpaces.Cli.Running;
using static HfSpaces.Cli.HfSpacesCli;

namespace HfSpaces.Cli.Commands.Files;

/// <summary><c>files rm ID PATH… [--yes]</c>: deletes files (a path ending in <c>/</c> is a folder) in one commit.</summary>
internal static class FilesRemoveCommand
{
    internal sealed record Options(SpaceId Space, IReadOnlyList<string> Paths, string? Message, bool Yes);

    /// <summary><see cref="Commit"/> null: not confirmed, nothing sent.</summary>
    internal sealed record Result(Options Options, SpaceCommit? Commit);

    public static Command Create(CliContext cli)
    {
        var space = SpaceArgument();
        var paths = new Argument<string[]>("paths") { Description = "Files to delete; a path ending in '/' deletes a folder.", Arity = ArgumentArity.OneOrMore };
        var message = new Option<string?>("--message", "-m") { Description = "The commit message." };
        var yes = new Option<bool>("--yes", "-y") { Description = "Do not ask." };
        return new Command("rm", "Delete files of a Space in one commit (the Space rebuilds).") { space, paths, message, yes }.Runs(
            cli,
            parse => new Options(parse.GetValue(space), parse.GetValue(paths)!, parse.GetValue(message), parse.GetValue(yes)),
            RunAsync,
            Renderer);
    }

    internal static async Task<Result> RunAsync(RunContext run, Options options)
    {
        var operations = options.Paths.Select(p => p.EndsWith('/') ? SpaceCommitOperation.DeleteFolder(p) : SpaceCommitOperation.Delete(p)).ToList();
        if (!await run.Cli.ConfirmAsync(
            options.Yes,
            $"Delete {string.Join(", ", options.Paths.Select(Terminal.Safe))} from {options.Space}? The Space rebuilds.",
            "yes",
            "Deleting files needs a confirmation: pass --yes.",
            "Nothing was deleted.",
            run.CancellationToken).ConfigureAwait(false))
        {
            return new Result(options, null);
        }

        return new Result(options, await run.Client.CommitAsync(options.Space, operations, options.Message ?? $"Delete {string.Join(", ", options.Paths)}", cancellationToken: run.CancellationToken).ConfigureAwait(false));
    }

    internal static Renderer<Result> Renderer { get; } = new()
    {
        Text = static (cli, result) =>
        {
            if (result.Commit is { } commit)
            {
                cli.Out.WriteLine($"Deleted {result.Options.Paths.Count} path(s) in {commit.Id[..7]}: {Terminal.Safe(commit.Url.ToString())}");
            }
        },
        Json = static result => result.Commit is { } commit ? Json.Object(("commit", commit.Id), ("url", commit.Url.ToString()), ("deleted", Json.Strings(result.Options.Paths))) : null,
    };
}
