using System.CommandLine;
using static HfSpaces.Cli.HfSpacesCli;

namespace HfSpaces.Cli.Commands.Lifecycle;

/// <summary><c>hf-spaces delete</c>: Delete a Space and everything in it. Irreversible: asks to type the Space's id unless --yes.</summary>
internal static class DeleteCommand
{
    public static Command Create(CliContext cli)
    {
        var space = SpaceArgument();
        var yes = new Option<bool>("--yes", "-y") { Description = "Do not ask for confirmation (needed when stdin is not a terminal)." };
        var missingOk = new Option<bool>("--missing-ok") { Description = "A Space that does not exist is not an error." };
        var command = new Command("delete", "Delete a Space and everything in it. Irreversible: asks to type the Space's id unless --yes.") { space, yes, missingOk };
        command.SetAction((parse, ct) => ExecuteAsync(cli, parse, async (client, json) =>
        {
            var id = parse.GetValue(space);
            if (!await cli.ConfirmAsync(
                parse.GetValue(yes),
                $"Deleting {id} removes its files, settings, secrets and variables for good.",
                id.ToString(),
                $"Refusing to delete {id} without confirmation: stdin is not a terminal. Pass --yes to delete it.",
                "Not confirmed: nothing was deleted.",
                ct).ConfigureAwait(false))
            {
                return ExitCodes.Cancelled;
            }

            var deleted = await client.DeleteSpaceAsync(id, parse.GetValue(missingOk), ct).ConfigureAwait(false);
            if (json)
            {
                cli.WriteJson(Json.Object(("space", id.ToString()), ("deleted", deleted)));
            }
            else
            {
                cli.Out.WriteLine(deleted ? $"Deleted {id}." : $"{id} does not exist: nothing to delete.");
            }

            return ExitCodes.Success;
        }));
        return command;
    }
}
