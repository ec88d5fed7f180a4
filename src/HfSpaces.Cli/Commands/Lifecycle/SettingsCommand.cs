using System.CommandLine;
using HfSpaces.Cli.Running;
using static HfSpaces.Cli.Commands.Lifecycle.LifecycleCommands;
using static HfSpaces.Cli.HfSpacesCli;

namespace HfSpaces.Cli.Commands.Lifecycle;

/// <summary><c>hf-spaces settings</c>: Change a Space's visibility or gating.</summary>
internal static class SettingsCommand
{
    internal sealed record Options(SpaceId Space, SpaceSettings Settings);

    public static Command Create(CliContext cli)
    {
        var space = SpaceArgument();
        var visibility = VisibilityOption();
        var gated = new Option<string?>("--gated") { Description = "off, auto (requests approved automatically) or manual." };
        gated.AcceptOnlyFromAmong("off", "auto", "manual");
        return new Command("settings", "Change a Space's visibility or gating.") { space, visibility, gated }.Runs(
            cli,
            parse =>
            {
                var settings = new SpaceSettings
                {
                    Visibility = Visibility(parse.GetValue(visibility)),
                    Gated = parse.GetValue(gated) switch { null => null, "off" => SpaceGating.Off, "auto" => SpaceGating.Auto, _ => SpaceGating.Manual },
                };
                return settings.Visibility is null && settings.Gated is null
                    ? throw new ArgumentException("Nothing to change: pass --visibility and/or --gated.")
                    : new Options(parse.GetValue(space), settings);
            },
            RunAsync,
            Renderer);
    }

    /// <summary>Sends the settings; the result is what was asked for (the Hub answers no body).</summary>
    internal static async Task<Options> RunAsync(RunContext run, Options options)
    {
        await run.Client.UpdateSettingsAsync(options.Space, options.Settings, run.CancellationToken).ConfigureAwait(false);
        return options;
    }

    internal static Renderer<Options> Renderer { get; } = new()
    {
        Text = static (cli, done) => cli.Out.WriteLine($"Updated {done.Space}:{(done.Settings.Visibility is { } v ? $" visibility {v}" : string.Empty)}{(done.Settings.Gated is { } g ? $" gated {g.ToString().ToLowerInvariant()}" : string.Empty)}."),
        Json = static done => Json.Object(("space", done.Space.ToString()), ("visibility", done.Settings.Visibility?.ToString()), ("gated", done.Settings.Gated?.ToString().ToLowerInvariant())),
    };
}
