using System.CommandLine;
using HfSpaces.Cli.Running;

namespace HfSpaces.Cli.Commands.Lifecycle;

/// <summary><c>hf-spaces templates</c>: List the templates a new Space can start from (create --template).</summary>
internal static class TemplatesCommand
{
    public static Command Create(CliContext cli) =>
        new Command("templates", "List the templates a new Space can start from (create --template).").Runs(cli, static _ => (object?)null, RunAsync, Renderer);

    internal static Task<IReadOnlyList<SpaceTemplate>> RunAsync(RunContext run, object? none) => run.Client.ListTemplatesAsync(run.CancellationToken);

    internal static Renderer<IReadOnlyList<SpaceTemplate>> Renderer { get; } = new()
    {
        Text = static (cli, templates) => Output.Columns(cli, ["template", "name", "sdk", "private"], templates.Select(t => new[] { t.RepoId, t.Name, t.Sdk?.ToString() ?? "-", t.PreferredPrivate ? "preferred" : "-" })),
        Json = static templates => Json.Array(templates, t => Json.Object(("name", t.Name), ("repoId", t.RepoId), ("sdk", t.Sdk?.ToString()), ("preferredPrivate", t.PreferredPrivate))),
    };
}
