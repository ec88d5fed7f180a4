using System.Text.RegularExpressions;

namespace HfSpaces.Emulator.Hosting;

/// <summary>
/// A fault to inject: requests whose method and path match answer <see cref="Status"/> (with <see cref="Body"/> and
/// <see cref="RetryAfter"/>) instead of reaching the emulated Hub, after <see cref="Delay"/>. Applies
/// <see cref="Times"/> times (null: forever).
/// </summary>
public sealed class FaultRule
{
    /// <summary>HTTP method to match; null matches any.</summary>
    public string? Method { get; init; }

    /// <summary>A regular expression matched against the whole path, e.g. <c>/api/spaces/.*/runtime</c>.</summary>
    public required string PathPattern { get; init; }

    /// <summary>The status to answer; null to only delay and then let the request through.</summary>
    public int? Status { get; init; }

    /// <summary>The raw body to answer (e.g. <c>{"error":"…"}</c>, an HTML page or truncated JSON).</summary>
    public string? Body { get; init; }

    /// <summary>Content type of <see cref="Body"/>. Default <c>application/json</c>.</summary>
    public string ContentType { get; init; } = "application/json";

    /// <summary>Sent as a <c>Retry-After</c> header, in whole seconds.</summary>
    public TimeSpan? RetryAfter { get; init; }

    /// <summary>Drop the connection instead of answering (a network cut mid-upload): no status reaches the client.</summary>
    public bool Abort { get; init; }

    /// <summary>Waited before answering.</summary>
    public TimeSpan Delay { get; init; }

    /// <summary>How many requests it applies to; null for all.</summary>
    public int? Times { get; set; }

    internal bool Matches(string method, string path) =>
        (Method is null || string.Equals(Method, method, StringComparison.OrdinalIgnoreCase))
        && Regex.IsMatch(path, "^" + PathPattern + "$", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
}
