using System.CommandLine;
using HfSpaces.Cli.Running;
using static HfSpaces.Cli.HfSpacesCli;

namespace HfSpaces.Cli.Commands.Configuration;

/// <summary>volumes list SPACE, volumes set SPACE TYPE:SOURCE:MOUNT[:ro]… and volumes delete SPACE.</summary>
internal static class VolumesCommands
{
    public static IEnumerable<Command> Create(CliContext cli)
    {
        var group = new Command("volumes", "List, replace or remove the repositories and buckets mounted into the Space.");

        var listSpace = SpaceArgument();
        group.Subcommands.Add(new Command("list", "List the mounted volumes.") { listSpace }.Runs(
            cli,
            parse => parse.GetValue(listSpace),
            static async (run, space) => (await run.Client.GetRuntimeAsync(space, run.CancellationToken).ConfigureAwait(false)).Volumes ?? [],
            Mounted));

        var space = SpaceArgument();
        var volumes = new Argument<string[]>("volume")
        {
            Description = "type:source:mountPath[:ro], e.g. model:openai/whisper-large-v3:/data/whisper:ro",
            Arity = ArgumentArity.OneOrMore,
        };
        group.Subcommands.Add(new Command("set", "Replace the whole list of volumes.") { space, volumes }.Runs(
            cli,
            parse => new Options(parse.GetValue(space), [.. parse.GetValue(volumes)!.Select(ParseVolume)]),
            static async (run, options) =>
            {
                await run.Client.SetVolumesAsync(options.Space, options.Volumes, run.CancellationToken).ConfigureAwait(false);
                return options;
            },
            Replaced(static done => $"{done.Volumes.Count} volume(s) mounted on {done.Space}.")));

        var deleteSpace = SpaceArgument();
        group.Subcommands.Add(new Command("delete", "Remove every volume.") { deleteSpace }.Runs(
            cli,
            parse => new Options(parse.GetValue(deleteSpace), []),
            static async (run, options) =>
            {
                await run.Client.DeleteVolumesAsync(options.Space, run.CancellationToken).ConfigureAwait(false);
                return options;
            },
            Replaced(static done => $"Volumes removed from {done.Space}.")));
        yield return group;
    }

    /// <summary>The Space's volumes after a set (those sent) or a delete (none).</summary>
    internal sealed record Options(SpaceId Space, IReadOnlyList<SpaceVolume> Volumes);

    internal static Renderer<IReadOnlyList<SpaceVolume>> Mounted { get; } = new()
    {
        Text = static (cli, mounted) =>
        {
            if (mounted.Count == 0)
            {
                cli.Out.WriteLine("No volumes.");
                return;
            }

            Output.Columns(cli, ["type", "source", "mount", "mode"], mounted.Select(v => new[] { v.Type.ToString(), v.Source, v.MountPath, v.ReadOnly == true ? "ro" : "rw" }));
        },
        Json = static mounted => Json.Array(mounted, v => Json.Object(("type", v.Type.ToString()), ("source", v.Source), ("mountPath", v.MountPath), ("revision", v.Revision), ("readOnly", v.ReadOnly), ("path", v.Path))),
    };

    /// <summary>The <paramref name="text"/> line, or JSON <c>{"space","volumes":N}</c>.</summary>
    private static Renderer<Options> Replaced(Func<Options, string> text) => new()
    {
        Text = (cli, done) => cli.Out.WriteLine(text(done)),
        Json = static done => Json.Object(("space", done.Space.ToString()), ("volumes", done.Volumes.Count)),
    };

    internal static SpaceVolume ParseVolume(string text)
    {
        var parts = text.Split(':');
        if (parts.Length is < 3 or > 4 || (parts.Length == 4 && parts[3] != "ro"))
        {
            throw new ArgumentException($"Volume '{text}' is not type:source:mountPath[:ro].");
        }

        return new SpaceVolume(SpaceVolumeType.Parse(parts[0]), parts[1], parts[2]) { ReadOnly = parts.Length == 4 ? true : null };
    }
}
