using System.CommandLine;
using HfSpaces.Cli.Running;
using static HfSpaces.Cli.HfSpacesCli;

namespace HfSpaces.Cli.Commands.Lifecycle;

/// <summary><c>hf-spaces delete</c>: Delete a Space and everything in it. Irreversible: asks to type the Space's id unless --yes.</summary>
internal static class DeleteCommand
{
    internal sealed record Options(SpaceId Space, bool Yes, bool MissingOk);

    /// <summary><see cref="Deleted"/> is null when the person did not confirm (nothing sent).</summary>
    internal sealed record Result(SpaceId Space, bool? Deleted);

    public static Command Create(CliContext cli)
    {
        var space = SpaceArgument();
        var yes = new Option<bool>("--yes", "-y") { Description = "Do not ask for confirmation (needed when stdin is not a terminal)." };
        var missingOk = new Option<bool>("--missing-ok") { Description = "A Space that does not exist is not an error." };
        return new Command("delete", "Delete a Space and everything in it. Irreversible: asks to type the Space's id unless --yes.") { space, yes, missingOk }.Runs(
            cli,
            parse => new Options(parse.GetValue(space), parse.GetValue(yes), parse.GetValue(missingOk)),
            RunAsync,
            Renderer);
    }

    internal static async Task<Result> RunAsync(RunContext run, Options options)
    {
        var id = options.Space;
        if (!await run.Cli.ConfirmAsync(
            options.Yes,
            $"Deleting {id} removes its files, settings, secrets and variables for good.",
            id.ToString(),
            $"Refusing to delete {id} without confirmation: stdin is not a terminal. Pass --yes to delete it.",
            "Not confirmed: nothing was deleted.",
            run.CancellationToken).ConfigureAwait(false))
        {
            return new Result(id, null);
        }

        return new Result(id, await run.Client.DeleteSpaceAsync(id, options.MissingOk, run.CancellationToken).ConfigureAwait(false));
    }

    internal static Renderer<Result> Renderer { get; } = new()
    {
        Text = static (cli, result) =>
        {
            if (result.Deleted is { } deleted)
            {
                cli.Out.WriteLine(deleted ? $"Deleted {result.Space}." : $"{result.Space} does not exist: nothing to delete.");
            }
        },
        Json = static result => result.Deleted is null ? null : Json.Object(("space", result.Space.ToString()), ("deleted", result.Deleted)),
        ExitCode = static result => result.Deleted is null ? ExitCodes.Cancelled : ExitCodes.Success,
    };
}
