using System.CommandLine;

namespace HfSpaces.Cli.Commands.Files;

/// <summary><c>files ls|get|rm</c>: a Space's files one at a time (deploy sends a folder).</summary>
internal static class FilesCommand
{
    public static Command Create(CliContext cli) =>
        new("files", "List, download or delete a Space's files.")
        {
            FilesListCommand.Create(cli),
            FilesGetCommand.Create(cli),
            FilesRemoveCommand.Create(cli),
        };

    internal static Option<string?> RevisionOption() => new("--revision") { Description = "A branch, tag or commit (default: main)." };
}
