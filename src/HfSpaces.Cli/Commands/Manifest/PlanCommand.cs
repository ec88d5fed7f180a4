using System.CommandLine;
using HfSpaces.Cli.Running;
using HfSpaces.Manifests;
using static HfSpaces.Cli.Commands.Manifest.ManifestCommands;

namespace HfSpaces.Cli.Commands.Manifest;

/// <summary><c>hf-spaces plan</c>: Compare a manifest with the Hub and print what apply would change. Exit code: 0 nothing to do, 2 changes pending, 1 error.</summary>
internal static class PlanCommand
{
    internal sealed record Options(PlanInput Input, bool Detailed);

    internal sealed record Result(ManifestPlan Plan, bool Detailed);

    public static Command Create(CliContext cli)
    {
        var detailed = new Option<bool>("--detailed") { Description = "List each file a source: folder adds, changes or deletes." };
        var command = new Command("plan", "Compare a manifest with the Hub and print what apply would change. Exit code: 0 nothing to do, 2 changes pending, 1 error.");
        var options = new PlanOptionSet(command);
        command.Options.Add(detailed);
        return command.Runs(
            cli,
            parse => new Options(options.Bind(parse), parse.GetValue(detailed)),
            RunAsync,
            Renderer,
            everyFailure: Failed);
    }

    internal static async Task<Result> RunAsync(RunContext run, Options options) =>
        new((await PlanAsync(run, options.Input).ConfigureAwait(false)).Plan, options.Detailed);

    /// <summary>Terraform's exit codes: 0 nothing to do, 2 changes pending, 1 a Space could not be read.</summary>
    internal static Renderer<Result> Renderer { get; } = new()
    {
        Text = static (cli, result) => PrintPlan(cli, result.Plan, result.Detailed),
        Json = static result => PlanJson(result.Plan),
        ExitCode = static result => result.Plan.Failed.Any() ? Failed : result.Plan.HasChanges ? ChangesPending : ExitCodes.Success,
    };
}
