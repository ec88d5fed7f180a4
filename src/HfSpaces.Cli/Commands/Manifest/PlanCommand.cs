using System.CommandLine;
using static HfSpaces.Cli.Commands.Manifest.ManifestCommands;
using static HfSpaces.Cli.HfSpacesCli;

namespace HfSpaces.Cli.Commands.Manifest;

/// <summary><c>hf-spaces plan</c>: Compare a manifest with the Hub and print what apply would change. Exit code: 0 nothing to do, 2 changes pending, 1 error.</summary>
internal static class PlanCommand
{
    public static Command Create(CliContext cli)
    {
        var file = FileOption();
        var prune = PruneOption();
        var rotate = RotateOption();
        var parallel = ParallelOption();
        var detailed = new Option<bool>("--detailed") { Description = "List each file a source: folder adds, changes or deletes." };
        var command = new Command("plan", "Compare a manifest with the Hub and print what apply would change. Exit code: 0 nothing to do, 2 changes pending, 1 error.") { file, prune, rotate, parallel, detailed };
        command.SetAction((parse, ct) => Run(cli, parse, async (client, json) =>
        {
            var (_, plan) = await PlanAsync(client, parse, file, prune, rotate, parallel, ct).ConfigureAwait(false);
            if (json)
            {
                cli.WriteJson(PlanJson(plan));
            }
            else
            {
                PrintPlan(cli, plan, parse.GetValue(detailed));
            }

            return plan.Failed.Any() ? Failed : plan.HasChanges ? ChangesPending : ExitCodes.Success;
        }));
        return command;
    }
}
