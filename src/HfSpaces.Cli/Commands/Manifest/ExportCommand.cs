using System.CommandLine;
using HfSpaces.Manifests;
using static HfSpaces.Cli.HfSpacesCli;

namespace HfSpaces.Cli.Commands.Manifest;

/// <summary><c>hf-spaces export</c>: Write the manifest of existing Spaces (secrets as ${env:KEY} references), to adopt plan/apply.</summary>
internal static class ExportCommand
{
    public static Command Create(CliContext cli)
    {
        var spaces = new Argument<string[]>("spaces") { Description = "The Spaces to export, namespace/name.", Arity = ArgumentArity.OneOrMore };
        var output = new Option<string?>("--output", "-o") { Description = "Write the manifest to this file instead of standard output." };
        var withFiles = new Option<string?>("--with-files") { Description = "Also download each Space's files into DIR/namespace/name and name that folder as its source:." };
        var command = new Command("export", "Write the manifest of existing Spaces (secrets as ${env:KEY} references), to adopt plan/apply.") { spaces, output, withFiles };
        command.SetAction((parse, ct) => ExecuteAsync(cli, parse, async (client, _) =>
        {
            var ids = parse.GetValue(spaces)!.Select(s => SpaceId.TryParse(s, out var id, out var error) ? id : throw new ArgumentException($"'{s}' is not a Space id: {error}")).ToList();
            var options = new ManifestExportOptions
            {
                FilesFolder = parse.GetValue(withFiles),
                ManifestFolder = parse.GetValue(output) is { } file ? Path.GetDirectoryName(Path.GetFullPath(file)) : null,
            };
            var yaml = await ManifestExporter.ExportAsync(client, ids, options, ct).ConfigureAwait(false);
            if (options.FilesFolder is { } files)
            {
                await cli.Err.WriteLineAsync($"Wrote the files of {ids.Count} Space(s) below {Terminal.Safe(files)}.").ConfigureAwait(false);
            }

            if (parse.GetValue(output) is { } path)
            {
                await File.WriteAllTextAsync(path, yaml, ct).ConfigureAwait(false);
                await cli.Err.WriteLineAsync($"Wrote {ids.Count} Space(s) to {path}.").ConfigureAwait(false);
            }
            else
            {
                await cli.Out.WriteAsync(yaml).ConfigureAwait(false);
            }

            return ExitCodes.Success;
        }));
        return command;
    }
}
