using System.CommandLine;
using static HfSpaces.Cli.HfSpacesCli;

namespace HfSpaces.Cli.Commands.Configuration;

/// <summary>volumes list SPACE, volumes set SPACE TYPE:SOURCE:MOUNT[:ro]… and volumes delete SPACE.</summary>
internal static class VolumesCommands
{
    public static IEnumerable<Command> Create(CliContext cli)
    {
        var group = new Command("volumes", "List, replace or remove the repositories and buckets mounted into the Space.");

        var listSpace = SpaceArgument();
        var list = new Command("list", "List the mounted volumes.") { listSpace };
        list.SetAction((parse, ct) => ExecuteAsync(cli, parse, async (client, json) =>
        {
            var mounted = (await client.GetRuntimeAsync(parse.GetValue(listSpace), ct).ConfigureAwait(false)).Volumes ?? [];
            if (json)
            {
                cli.WriteJson(Json.Array(mounted, v => Json.Object(("type", v.Type.ToString()), ("source", v.Source), ("mountPath", v.MountPath), ("revision", v.Revision), ("readOnly", v.ReadOnly), ("path", v.Path))));
            }
            else if (mounted.Count == 0)
            {
                cli.Out.WriteLine("No volumes.");
            }
            else
            {
                Output.Columns(cli, ["type", "source", "mount", "mode"], mounted.Select(v => new[] { v.Type.ToString(), v.Source, v.MountPath, v.ReadOnly == true ? "ro" : "rw" }));
            }

            return ExitCodes.Success;
        }));
        group.Subcommands.Add(list);

        var space = SpaceArgument();
        var volumes = new Argument<string[]>("volume")
        {
            Description = "type:source:mountPath[:ro], e.g. model:openai/whisper-large-v3:/data/whisper:ro",
            Arity = ArgumentArity.OneOrMore,
        };
        var set = new Command("set", "Replace the whole list of volumes.") { space, volumes };
        set.SetAction((parse, ct) => ExecuteAsync(cli, parse, async (client, json) =>
        {
            var list = parse.GetValue(volumes)!.Select(ParseVolume).ToList();
            var id = parse.GetValue(space);
            await client.SetVolumesAsync(id, list, ct).ConfigureAwait(false);
            cli.Out.WriteLine(json ? $"{{\"space\":\"{id}\",\"volumes\":{list.Count}}}" : $"{list.Count} volume(s) mounted on {id}.");
            return ExitCodes.Success;
        }));
        group.Subcommands.Add(set);

        var deleteSpace = SpaceArgument();
        var delete = new Command("delete", "Remove every volume.") { deleteSpace };
        delete.SetAction((parse, ct) => ExecuteAsync(cli, parse, async (client, json) =>
        {
            var id = parse.GetValue(deleteSpace);
            await client.DeleteVolumesAsync(id, ct).ConfigureAwait(false);
            cli.Out.WriteLine(json ? $"{{\"space\":\"{id}\",\"volumes\":0}}" : $"Volumes removed from {id}.");
            return ExitCodes.Success;
        }));
        group.Subcommands.Add(delete);
        yield return group;
    }

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
