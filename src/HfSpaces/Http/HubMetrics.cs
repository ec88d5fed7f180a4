using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace HfSpaces.Http;

/// <summary>The SDK's activity source and instruments, created once per process.</summary>
internal static class HubMetrics
{
    public static readonly ActivitySource ActivitySource = new(HfSpacesTelemetry.ActivitySourceName, Version);

    public static readonly Meter Meter = new(HfSpacesTelemetry.MeterName, Version);

    public static readonly Histogram<double> RequestDuration = Meter.CreateHistogram<double>(
        HfSpacesTelemetry.RequestDurationMetric,
        unit: "s",
        description: "Duration of an HfSpaces operation, retries included.",
        tags: null,
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10, 30, 60] });

    public static readonly Counter<long> Retries = Meter.CreateCounter<long>(
        HfSpacesTelemetry.RetriesMetric,
        unit: "{retry}",
        description: "Attempts the SDK sent again after a failure.");

    private static string Version =>
        typeof(HubMetrics).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";
}
