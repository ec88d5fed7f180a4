using System.CommandLine;
using HfSpaces.Cli.Running;

namespace HfSpaces.Cli.Commands.Lifecycle;

/// <summary><c>hf-spaces quota</c>: Show your ZeroGPU quota: GPU time left and when it refills.</summary>
internal static class QuotaCommand
{
    public static Command Create(CliContext cli) =>
        new Command("quota", "Show your ZeroGPU quota: GPU time left and when it refills.").Runs(cli, static _ => (object?)null, RunAsync, Renderer);

    internal static Task<ZeroGpuQuota> RunAsync(RunContext run, object? none) => run.Client.GetZeroGpuQuotaAsync(run.CancellationToken);

    internal static Renderer<ZeroGpuQuota> Renderer { get; } = new()
    {
        Text = static (cli, quota) => Output.Table(cli, [
            ("remaining", $"{Format.GpuTime(quota.Remaining)} of {Format.GpuTime(quota.Base)}"),
            ("resets", quota.ResetsAt is { } at ? Format.Date(at) : "-"),
        ]),
        Json = static quota => Json.Object(("baseSeconds", quota.Base.TotalSeconds), ("remainingSeconds", quota.Remaining.TotalSeconds), ("resetsAt", quota.ResetsAt), ("overQuotaUsedSeconds", quota.OverQuotaUsed?.TotalSeconds)),
    };
}
