namespace HfSpaces;

/// <summary>
/// Names to subscribe to with OpenTelemetry: <c>.AddSource(HfSpacesTelemetry.ActivitySourceName)</c> and
/// <c>.AddMeter(HfSpacesTelemetry.MeterName)</c>. One span per SDK operation (<c>HfSpaces.GetRuntime</c>, …) with the HTTP
/// client semantic-convention attributes; the request-duration histogram and the retry counter below. No span, tag, metric
/// or log carries the token or a secret's value.
/// </summary>
public static class HfSpacesTelemetry
{
    /// <summary>The <see cref="System.Diagnostics.ActivitySource"/> name: one client span per operation, retries included.</summary>
    public const string ActivitySourceName = "HfSpaces";

    /// <summary>The <see cref="System.Diagnostics.Metrics.Meter"/> name.</summary>
    public const string MeterName = "HfSpaces";

    /// <summary>Histogram, seconds: one operation from the first attempt to the last answer (<c>hfspaces.operation</c>, <c>http.request.method</c>, <c>server.address</c>, <c>http.response.status_code</c>, <c>error.type</c>).</summary>
    public const string RequestDurationMetric = "hfspaces.client.request.duration";

    /// <summary>Counter: attempts sent again after a failure (<c>hfspaces.operation</c>, <c>error.type</c>).</summary>
    public const string RetriesMetric = "hfspaces.client.retries";
}
