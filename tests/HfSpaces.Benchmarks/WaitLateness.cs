using System.Globalization;
using System.Text;
using HfSpaces.Emulator.Tests.Waiting;

namespace HfSpaces.Benchmarks;

/// <summary>
/// How late waits notice RUNNING and how many requests they make, on a fake clock against the emulator's state machine
/// (not a BenchmarkDotNet run: fake time is exact, so one run per Space is the measurement). Compared with reading every
/// second (<c>huggingface_hub</c>'s <c>wait_for_space</c>) and with this SDK's previous schedule (1 s growing by half to 10 s).
/// </summary>
public static class WaitLateness
{
    /// <summary>
    /// Total times from 2 s to 10 min; 15 Spaces around each (±15 %, spread by the golden ratio so no two land alike),
    /// the build taking 50, 80 or 95 % of it.
    /// </summary>
    private static readonly double[] Totals = [2, 5, 10, 30, 60, 180, 600];
    private static readonly double[] BuildShares = [0.5, 0.8, 0.95];
    private const int PerTotal = 15;

    public static async Task<string> TableAsync()
    {
        var text = new StringBuilder();
        text.AppendLine("| Space up after | waits | late p50 / p95 / max (this SDK) | requests (this SDK) | 1 s polling: late p95 / requests | previous SDK: late p95 / requests |");
        text.AppendLine("|---:|---:|---|---:|---|---|");
        var all = new List<(double Late, int Requests, int Polling)>();
        foreach (var total in Totals)
        {
            var rows = new List<(WaitOutcome Outcome, double PreviousLate, int PreviousRequests)>();
            for (var k = 0; k < PerTotal; k++)
            {
                {
                    var share = BuildShares[k % BuildShares.Length];
                    var t = total * (0.85 + (0.3 * (k * 0.6180339887 % 1)));
                    var outcome = await WaitSimulation.RunAsync(TimeSpan.FromSeconds(Math.Round(t * share, 3)), TimeSpan.FromSeconds(Math.Round(t * (1 - share), 3)));
                    var (previousLate, previousRequests) = Previous(outcome.Total.TotalSeconds);
                    rows.Add((outcome, previousLate, previousRequests));
                    all.Add((outcome.Late.TotalSeconds, outcome.Requests, outcome.OneSecondPollingRequests));
                }
            }

            var late = rows.Select(r => r.Outcome.Late.TotalSeconds).ToArray();
            text.Append(CultureInfo.InvariantCulture, $"| ~{Duration(total)} | {rows.Count} | {Percentile(late, 0.5):0.00} / {Percentile(late, 0.95):0.00} / {late.Max():0.00} s ")
                .Append(CultureInfo.InvariantCulture, $"| {rows.Average(r => r.Outcome.Requests):0.#} ")
                .Append(CultureInfo.InvariantCulture, $"| {Percentile(rows.Select(r => r.Outcome.OneSecondPollingLate.TotalSeconds).ToArray(), 0.95):0.00} s / {rows.Average(r => r.Outcome.OneSecondPollingRequests):0.#} ")
                .AppendLine(CultureInfo.InvariantCulture, $"| {Percentile(rows.Select(r => r.PreviousLate).ToArray(), 0.95):0.00} s / {rows.Average(r => r.PreviousRequests):0.#} |");
        }

        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"All {all.Count} waits: late p95 {Percentile(all.Select(a => a.Late).ToArray(), 0.95):0.00} s, max {all.Max(a => a.Late):0.00} s; requests ≤ 1 s polling's in {all.Count(a => a.Requests <= a.Polling)} of {all.Count}, {all.Sum(a => a.Requests) / (double)all.Sum(a => a.Polling):0.00}× its total.");
        return text.ToString();
    }

    /// <summary>The schedule before this one: read at 0, then after 1 s, growing by half each time up to 10 s.</summary>
    private static (double Late, int Requests) Previous(double up)
    {
        double at = 0, delay = 1;
        var requests = 1;
        while (at < up)
        {
            at += delay;
            delay = Math.Min(delay * 1.5, 10);
            requests++;
        }

        return (at - up, requests);
    }

    private static double Percentile(double[] values, double p)
    {
        var sorted = values.Order().ToArray();
        return sorted[(int)Math.Ceiling(p * sorted.Length) - 1];
    }

    private static string Duration(double seconds) => seconds < 60 ? $"{seconds:0} s" : $"{seconds / 60:0} min";
}
