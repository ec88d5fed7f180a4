using System.CommandLine;
using static HfSpaces.Cli.HfSpacesCli;

namespace HfSpaces.Cli.Commands.Runtime;

/// <summary><c>hf-spaces whoami</c>: Show the account behind the token.</summary>
internal static class WhoAmICommand
{
    public static Command Create(CliContext cli)
    {
        var command = new Command("whoami", "Show the account behind the token.");
        command.SetAction((parse, ct) => ExecuteAsync(cli, parse, async (client, json) =>
        {
            var account = await client.WhoAmIAsync(ct).ConfigureAwait(false);
            if (json)
            {
                cli.WriteJson(Json.Object(("name", account.Name), ("fullName", account.FullName), ("type", account.Type), ("organizations", Json.Strings(account.Organizations))));
            }
            else
            {
                Output.Table(cli, [("name", account.Name), ("organizations", account.Organizations.Count == 0 ? "-" : string.Join(", ", account.Organizations))]);
            }

            return ExitCodes.Success;
        }));
        return command;
    }
}
