using System.Globalization;
using System.Text.Json.Nodes;
using HfSpaces.Cli.Running;

namespace HfSpaces.Cli;

/// <summary>A Space's runtime as a command answers it.</summary>
internal sealed record SpaceStatus(SpaceId Space, SpaceRuntime Runtime);

/// <summary>Human and JSON renderings of the SDK's models, shared by the commands.</summary>
internal static class Output
{
    /// <summary>The renderer of every command that answers a runtime (runtime, hardware, sleep, pause, restart, dev-mode, storage, replicas…).</summary>
    public static Renderer<SpaceStatus> Runtime { get; } = new()
    {
        Text = static (cli, status) => RuntimeText(cli, status.Space, status.Runtime),
        Json = static status => ToJson(status.Space, status.Runtime),
    };

    private static void RuntimeText(CliContext cli, SpaceId space, SpaceRuntime runtime) =>
        Table(cli, [
            ("space", space.ToString()),
            ("stage", cli.Stage(runtime.Stage)),
            ("hardware", runtime.Hardware?.ToString() ?? "-"),
            ("requested", runtime.RequestedHardware?.ToString() ?? "-"),
            ("sleep time", Format.SleepTime(runtime.SleepTime)),
            ("storage", runtime.Storage?.ToString() ?? "-"),
            ("dev mode", runtime.DevMode ? "on" : "off"),
            ("replicas", runtime.Replicas is { } r ? $"{(r.IsAuto ? "auto" : r.Requested?.ToString(CultureInfo.InvariantCulture) ?? "-")} requested, {r.Current?.ToString(CultureInfo.InvariantCulture) ?? "-"} running" : "-"),
            ("volumes", runtime.Volumes is { Count: > 0 } volumes ? string.Join(", ", volumes.Select(v => $"{v.Type}:{v.Source}:{v.MountPath}{(v.ReadOnly == true ? ":ro" : string.Empty)}")) : "-"),
            ("domains", runtime.Domains.Count == 0 ? "-" : string.Join(", ", runtime.Domains.Select(d => d.Domain))),
            ("error", runtime.ErrorMessage ?? "-"),
        ]);

    public static JsonObject ToJson(SpaceId space, SpaceRuntime runtime) => Json.Object(
        ("space", space.ToString()),
        ("stage", runtime.Stage.ToString()),
        ("hardware", runtime.Hardware?.ToString()),
        ("requestedHardware", runtime.RequestedHardware?.ToString()),
        ("sleepTimeSeconds", SleepSeconds(runtime.SleepTime)),
        ("storage", runtime.Storage?.ToString()),
        ("devMode", runtime.DevMode),
        ("replicas", runtime.Replicas is { } r ? Json.Object(("requested", r.Requested), ("current", r.Current), ("isAuto", r.IsAuto)) : null),
        ("domains", Json.Strings(runtime.Domains.Select(d => d.Domain))),
        ("errorMessage", runtime.ErrorMessage));

    /// <summary>Seconds, -1 for never, null when not reported.</summary>
    public static long? SleepSeconds(TimeSpan? sleep) => sleep is { } s ? (s == Timeout.InfiniteTimeSpan ? -1 : (long)s.TotalSeconds) : null;

    public static void Table(CliContext cli, IReadOnlyList<(string Key, string Value)> rows)
    {
        var width = rows.Max(r => r.Key.Length);
        foreach (var (key, value) in rows)
        {
            cli.Out.WriteLine($"{key.PadRight(width)}  {Terminal.Safe(value)}");
        }
    }

    public static void Columns(CliContext cli, string[] headers, IEnumerable<string[]> rows)
    {
        var all = rows.Select(r => r.Select(Terminal.Safe).ToArray()).ToList();
        var widths = headers.Select((h, i) => Math.Max(h.Length, all.Count == 0 ? 0 : all.Max(r => r[i].Length))).ToArray();
        cli.Out.WriteLine(string.Join("  ", headers.Select((h, i) => h.PadRight(widths[i]))).TrimEnd());
        foreach (var row in all)
        {
            cli.Out.WriteLine(string.Join("  ", row.Select((c, i) => c.PadRight(widths[i]))).TrimEnd());
        }
    }
}
