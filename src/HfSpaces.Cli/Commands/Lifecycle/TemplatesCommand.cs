using System.CommandLine;
using static HfSpaces.Cli.HfSpacesCli;

namespace HfSpaces.Cli.Commands.Lifecycle;

/// <summary><c>hf-spaces templates</c>: List the templates a new Space can start from (create --template).</summary>
internal static class TemplatesCommand
{
    public static Command Create(CliContext cli)
    {
        var command = new Command("templates", "List the templates a new Space can start from (create --template).");
        command.SetAction((parse, ct) => ExecuteAsync(cli, parse, async (client, json) =>
        {
            var templates = await client.ListTemplatesAsync(ct).ConfigureAwait(false);
            if (json)
            {
                cli.WriteJson(Json.Array(templates, t => Json.Object(("name", t.Name), ("repoId", t.RepoId), ("sdk", t.Sdk?.ToString()), ("preferredPrivate", t.PreferredPrivate))));
                return ExitCodes.Success;
            }

            Output.Columns(cli, ["template", "name", "sdk", "private"], templates.Select(t => new[] { t.RepoId, t.Name, t.Sdk?.ToString() ?? "-", t.PreferredPrivate ? "preferred" : "-" }));
            return ExitCodes.Success;
        }));
        return command;
    }
}
