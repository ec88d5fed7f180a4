using System.CommandLine;
using static HfSpaces.Cli.Commands.Lifecycle.LifecycleCommands;
using static HfSpaces.Cli.HfSpacesCli;

namespace HfSpaces.Cli.Commands.Lifecycle;

/// <summary><c>hf-spaces quota</c>: Show your ZeroGPU quota: GPU time left and when it refills.</summary>
internal static class QuotaCommand
{
    public static Command Create(CliContext cli)
    {
        var command = new Command("quota", "Show your ZeroGPU quota: GPU time left and when it refills.");
        command.SetAction((parse, ct) => ExecuteAsync(cli, parse, async (client, json) =>
        {
            var quota = await client.GetZeroGpuQuotaAsync(ct).ConfigureAwait(false);
            if (json)
            {
                cli.WriteJson(Json.Object(("baseSeconds", quota.Base.TotalSeconds), ("remainingSeconds", quota.Remaining.TotalSeconds), ("resetsAt", quota.ResetsAt), ("overQuotaUsedSeconds", quota.OverQuotaUsed?.TotalSeconds)));
                return ExitCodes.Success;
            }

            Output.Table(cli, [
                ("remaining", $"{Format.GpuTime(quota.Remaining)} of {Format.GpuTime(quota.Base)}"),
                ("resets", quota.ResetsAt is { } at ? Format.Date(at) : "-"),
            ]);
            return ExitCodes.Success;
        }));
        return command;
    }
}
