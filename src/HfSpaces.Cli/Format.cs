using System.Globalization;

namespace HfSpaces.Cli;

/// <summary>
/// How the CLI writes a value for a person, in one place so every command says it the same way: dates in UTC
/// (<c>2026-12-03 14:05 UTC</c>; log lines to the second), sleep times as the manifest writes them (<c>2 h</c>,
/// <c>15 min</c>, <c>never</c>), money in dollars (<c>$0.40</c>, <c>$1,234</c> from $100 up), sizes in powers of 1024
/// named as such (<c>1.2 KiB</c>, as the live display's columns name them).
/// </summary>
internal static class Format
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string Date(DateTimeOffset? value) => value?.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", Invariant) ?? "-";

    /// <summary>A log line's time, to the second, in UTC: <c>2026-12-03 14:05:09</c>.</summary>
    public static string Timestamp(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", Invariant);

    public static string SleepTime(TimeSpan? sleep) => sleep switch
    {
        null => "never (not reported)",
        { } s when s == Timeout.InfiniteTimeSpan => "never",
        { } s => s.TotalSeconds % 3600 == 0 ? $"{s.TotalHours:0} h" : s.TotalSeconds % 60 == 0 ? $"{s.TotalMinutes:0} min" : $"{s.TotalSeconds:0} s",
    };

    /// <summary>GPU time (the ZeroGPU quota): whole minutes as <c>25 min</c>, otherwise seconds to a tenth, <c>12.5 s</c>.</summary>
    public static string GpuTime(TimeSpan value) => value.TotalSeconds % 60 == 0 ? $"{value.TotalMinutes:0} min" : $"{value.TotalSeconds:0.#} s";

    /// <summary>A dollar amount without the sign (a "$/h" column): <c>0.40</c>, <c>1,234</c>.</summary>
    public static string Amount(decimal usd) => Math.Abs(usd).ToString(Math.Abs(usd) >= 100 ? "#,0" : "0.00", Invariant);

    public static string Usd(decimal usd) => (usd < 0 ? "-$" : "$") + Amount(usd);

    /// <summary>A change in cost: <c>+$0.60</c>, <c>-$432</c>.</summary>
    public static string SignedUsd(decimal usd) => (usd < 0 ? "-$" : "+$") + Amount(usd);

    /// <summary>An hourly price, or <c>-</c> when there is none: <c>$0.40/h</c>.</summary>
    public static string PerHour(decimal? usd) => usd is { } u ? Usd(u) + "/h" : "-";

    /// <summary>A catalog price (the Hub's are floating point) as <see cref="PerHour(decimal?)"/> writes it.</summary>
    public static string PerHour(double? usd) => PerHour(usd is { } u ? (decimal)u : null);

    /// <inheritdoc cref="Amount(decimal)"/>
    public static string Amount(double usd) => Amount((decimal)usd);

    public static string Bytes(long bytes) => bytes switch
    {
        < 1024 => string.Create(Invariant, $"{bytes} B"),
        < 1024 * 1024 => string.Create(Invariant, $"{bytes / 1024.0:0.0} KiB"),
        < 1024L * 1024 * 1024 => string.Create(Invariant, $"{bytes / (1024.0 * 1024):0.0} MiB"),
        _ => string.Create(Invariant, $"{bytes / (1024.0 * 1024 * 1024):0.00} GiB"),
    };
}
