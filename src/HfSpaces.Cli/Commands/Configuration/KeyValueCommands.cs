using System.CommandLine;
using HfSpaces.Cli.Running;
using static HfSpaces.Cli.HfSpacesCli;

namespace HfSpaces.Cli.Commands.Configuration;

/// <summary>secrets list|set|delete and variables list|set|delete. Secret values are read from --value or stdin and never printed.</summary>
internal static class KeyValueCommands
{
    internal sealed record KeyOptions(SpaceId Space, string Key);

    /// <summary>A key's change: <see cref="Remaining"/> the variables the Hub answered with, or null when it answered none (secrets).</summary>
    internal sealed record KeyResult(SpaceId Space, string Key, IReadOnlyDictionary<string, SpaceVariable>? Remaining);

    public static IEnumerable<Command> Create(CliContext cli)
    {
        yield return SecretsCommand.Create(cli);
        yield return VariablesCommand.Create(cli);
    }

    internal static Command Delete(CliContext cli, string description, Func<HfSpacesClient, SpaceId, string, CancellationToken, Task<IReadOnlyDictionary<string, SpaceVariable>?>> call)
    {
        var space = SpaceArgument();
        var key = new Argument<string>("key") { Description = "The name to delete." };
        return new Command("delete", description) { space, key }.Runs(
            cli,
            parse => new KeyOptions(parse.GetValue(space), parse.GetValue(key)!),
            async (run, options) => new KeyResult(options.Space, options.Key, await call(run.Client, options.Space, options.Key, run.CancellationToken).ConfigureAwait(false)),
            KeyChanged(static r => $"{r.Key} deleted from {r.Space}.", "deleted"));
    }

    /// <summary>The variables the Hub answered with (all of them), or the <paramref name="done"/> line and <c>{"space","key",<paramref name="flag"/>:true}</c>.</summary>
    internal static Renderer<KeyResult> KeyChanged(Func<KeyResult, string> done, string flag) => new()
    {
        Text = (cli, result) =>
        {
            if (result.Remaining is { } remaining)
            {
                Variables.Text(cli, remaining);
            }
            else
            {
                cli.Out.WriteLine(done(result));
            }
        },
        Json = result => result.Remaining is { } remaining ? Variables.Json!(remaining) : Json.Object(("space", result.Space.ToString()), ("key", result.Key), (flag, true)),
    };

    /// <summary>A Space's variables: key, value, description, update time.</summary>
    internal static Renderer<IReadOnlyDictionary<string, SpaceVariable>> Variables { get; } = new()
    {
        Text = static (cli, variables) => Output.Columns(cli, ["key", "value", "description", "updated"], variables.Values.OrderBy(v => v.Key, StringComparer.Ordinal)
            .Select(v => new[] { v.Key, v.Value, v.Description ?? "-", Format.Date(v.UpdatedAt) })),
        Json = static variables => Json.Array(variables.Values, v => Json.Object(("key", v.Key), ("value", v.Value), ("description", v.Description), ("updatedAt", v.UpdatedAt))),
    };
}
