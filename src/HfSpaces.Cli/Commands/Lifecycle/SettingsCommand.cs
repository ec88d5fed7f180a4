using System.CommandLine;
using static HfSpaces.Cli.Commands.Lifecycle.LifecycleCommands;
using static HfSpaces.Cli.HfSpacesCli;

namespace HfSpaces.Cli.Commands.Lifecycle;

/// <summary><c>hf-spaces settings</c>: Change a Space's visibility or gating.</summary>
internal static class SettingsCommand
{
    public static Command Create(CliContext cli)
    {
        var space = SpaceArgument();
        var visibility = VisibilityOption();
        var gated = new Option<string?>("--gated") { Description = "off, auto (requests approved automatically) or manual." };
        gated.AcceptOnlyFromAmong("off", "auto", "manual");
        var command = new Command("settings", "Change a Space's visibility or gating.") { space, visibility, gated };
        command.SetAction((parse, ct) => ExecuteAsync(cli, parse, async (client, json) =>
        {
            var settings = new SpaceSettings
            {
                Visibility = Visibility(parse.GetValue(visibility)),
                Gated = parse.GetValue(gated) switch { null => null, "off" => SpaceGating.Off, "auto" => SpaceGating.Auto, _ => SpaceGating.Manual },
            };
            if (settings.Visibility is null && settings.Gated is null)
            {
                throw new ArgumentException("Nothing to change: pass --visibility and/or --gated.");
            }

            var id = parse.GetValue(space);
            await client.UpdateSettingsAsync(id, settings, ct).ConfigureAwait(false);
            if (json)
            {
                cli.WriteJson(Json.Object(("space", id.ToString()), ("visibility", settings.Visibility?.ToString()), ("gated", settings.Gated?.ToString().ToLowerInvariant())));
            }
            else
            {
                cli.Out.WriteLine($"Updated {id}:{(settings.Visibility is { } v ? $" visibility {v}" : string.Empty)}{(settings.Gated is { } g ? $" gated {g.ToString().ToLowerInvariant()}" : string.Empty)}.");
            }

            return ExitCodes.Success;
        }));
        return command;
    }
}
