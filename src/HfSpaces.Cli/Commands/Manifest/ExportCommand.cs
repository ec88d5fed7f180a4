using System.CommandLine;
using HfSpaces.Cli.Running;
using HfSpaces.Manifests;

namespace HfSpaces.Cli.Commands.Manifest;

/// <summary><c>hf-spaces export</c>: Write the manifest of existing Spaces (secrets as ${env:KEY} references), to adopt plan/apply.</summary>
internal static class ExportCommand
{
    /// <summary><see cref="Output"/> null: standard output.</summary>
    internal sealed record Options(IReadOnlyList<SpaceId> Spaces, string? Output, ManifestExportOptions Export);

    internal sealed record Result(Options Options, string Yaml);

    public static Command Create(CliContext cli)
    {
        var spaces = new Argument<string[]>("spaces") { Description = "The Spaces to export, namespace/name.", Arity = ArgumentArity.OneOrMore };
        var output = new Option<string?>("--output", "-o") { Description = "Write the manifest to this file instead of standard output." };
        var withFiles = new Option<string?>("--with-files") { Description = "Also download each Space's files into DIR/namespace/name and name that folder as its source:." };
        return new Command("export", "Write the manifest of existing Spaces (secrets as ${env:KEY} references), to adopt plan/apply.") { spaces, output, withFiles }.Runs(
            cli,
            parse => new Options(
                [.. parse.GetValue(spaces)!.Select(s => SpaceId.TryParse(s, out var id, out var error) ? id : throw new ArgumentException($"'{s}' is not a Space id: {error}"))],
                parse.GetValue(output),
                new ManifestExportOptions
                {
                    FilesFolder = parse.GetValue(withFiles),
                    ManifestFolder = parse.GetValue(output) is { } file ? Path.GetDirectoryName(Path.GetFullPath(file)) : null,
                }),
            RunAsync,
            Renderer);
    }

    /// <summary>Exports, and writes the manifest to --output when given (the YAML is the result either way).</summary>
    internal static async Task<Result> RunAsync(RunContext run, Options options)
    {
        var yaml = await ManifestExporter.ExportAsync(run.Client, options.Spaces, options.Export, run.CancellationToken).ConfigureAwait(false);
        if (options.Output is { } path)
        {
            await File.WriteAllTextAsync(path, yaml, run.CancellationToken).ConfigureAwait(false);
        }

        return new Result(options, yaml);
    }

    /// <summary>The manifest is YAML in both modes (it is the machine-readable answer); what was written where goes to stderr.</summary>
    internal static Renderer<Result> Renderer { get; } = new()
    {
        Text = static (cli, result) => Yaml(cli, result),
        Json = null,
        Diagnostics = static result =>
        [
            .. result.Options.Export.FilesFolder is { } files ? [$"Wrote the files of {result.Options.Spaces.Count} Space(s) below {Terminal.Safe(files)}."] : Array.Empty<string>(),
            .. result.Options.Output is { } path ? [$"Wrote {result.Options.Spaces.Count} Space(s) to {path}."] : Array.Empty<string>(),
        ],
    };

    private static void Yaml(CliContext cli, Result result)
    {
        if (result.Options.Output is null)
        {
            cli.Out.Write(result.Yaml);
        }
    }
}
