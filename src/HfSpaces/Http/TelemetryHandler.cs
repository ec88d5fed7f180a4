using System.Diagnostics;
using HfSpaces.Resilience;

namespace HfSpaces.Http;

/// <summary>
/// One client span per operation (<c>HfSpaces.GetRuntime</c>), covering its retries, with the OpenTelemetry HTTP client
/// attributes (<c>server.address</c>, <c>server.port</c>, <c>http.request.method</c>, <c>url.path</c>,
/// <c>http.response.status_code</c>, <c>error.type</c>) and the duration histogram. The query string (never secret here)
/// and headers (the token) are not recorded.
/// </summary>
internal sealed class TelemetryHandler(TimeProvider clock) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var operation = HubRequestOption.For(request);
        var uri = request.RequestUri!;
        using var activity = HubMetrics.ActivitySource.StartActivity(operation.ActivityName, ActivityKind.Client);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag("http.request.method", request.Method.Method);
            activity.SetTag("server.address", uri.Host);
            activity.SetTag("server.port", uri.Port);
            activity.SetTag("url.path", uri.AbsolutePath);
            activity.SetTag("hfspaces.operation", operation.Operation);
        }

        var started = clock.GetTimestamp();
        int? status = null;
        string? errorType = null;
        try
        {
            var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            status = (int)response.StatusCode;
            return response;
        }
        catch (HfSpacesException e)
        {
            status = e.StatusCode is { } s ? (int)s : null;
            errorType = RetryHandler.ErrorType(e);
            throw;
        }
        catch (OperationCanceledException)
        {
            errorType = "cancelled";
            throw;
        }
        finally
        {
            if (activity is not null)
            {
                if (status is { } code)
                {
                    activity.SetTag("http.response.status_code", code);
                }

                if (errorType is not null)
                {
                    activity.SetTag("error.type", errorType);
                    activity.SetStatus(ActivityStatusCode.Error);
                }
            }

            if (HubMetrics.RequestDuration.Enabled)
            {
                var tags = new TagList
                {
                    { "hfspaces.operation", operation.Operation },
                    { "http.request.method", request.Method.Method },
                    { "server.address", uri.Host },
                };
                if (status is { } code)
                {
                    tags.Add("http.response.status_code", code);
                }

                if (errorType is not null)
                {
                    tags.Add("error.type", errorType);
                }

                HubMetrics.RequestDuration.Record(clock.GetElapsedTime(started).TotalSeconds, tags);
            }
        }
    }
}
