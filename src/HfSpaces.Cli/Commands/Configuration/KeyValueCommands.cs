using System.CommandLine;
using System.Text.Json.Nodes;
using static HfSpaces.Cli.HfSpacesCli;

namespace HfSpaces.Cli.Commands.Configuration;

/// <summary>secrets list|set|delete and variables list|set|delete. Secret values are read from --value or stdin and never printed.</summary>
internal static class KeyValueCommands
{
    public static IEnumerable<Command> Create(CliContext cli)
    {
        yield return SecretsCommand.Create(cli);
        yield return VariablesCommand.Create(cli);
    }

    internal static Command Delete(CliContext cli, string description, Func<HfSpacesClient, SpaceId, string, CancellationToken, Task<IReadOnlyDictionary<string, SpaceVariable>?>> call)
    {
        var space = SpaceArgument();
        var key = new Argument<string>("key") { Description = "The name to delete." };
        var command = new Command("delete", description) { space, key };
        command.SetAction((parse, ct) => ExecuteAsync(cli, parse, async (client, json) =>
        {
            var id = parse.GetValue(space);
            var name = parse.GetValue(key)!;
            var remaining = await call(client, id, name, ct).ConfigureAwait(false);
            if (remaining is null)
            {
                Done(cli, json, $"{name} deleted from {id}.", Json.Object(("space", id.ToString()), ("key", name), ("deleted", true)));
            }
            else
            {
                Print(cli, json, remaining);
            }

            return ExitCodes.Success;
        }));
        return command;
    }

    internal static void Print(CliContext cli, bool json, IReadOnlyDictionary<string, SpaceVariable> variables)
    {
        if (json)
        {
            cli.WriteJson(Json.Array(variables.Values, v => Json.Object(("key", v.Key), ("value", v.Value), ("description", v.Description), ("updatedAt", v.UpdatedAt))));
            return;
        }

        Output.Columns(cli, ["key", "value", "description", "updated"], variables.Values.OrderBy(v => v.Key, StringComparer.Ordinal)
            .Select(v => new[] { v.Key, v.Value, v.Description ?? "-", Format.Date(v.UpdatedAt) }));
    }

    internal static void Done(CliContext cli, bool json, string text, JsonObject result)
    {
        if (json)
        {
            cli.WriteJson(result);
        }
        else
        {
            cli.Out.WriteLine(text);
        }
    }

}
