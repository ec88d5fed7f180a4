using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using Microsoft.Extensions.Logging;

namespace HfSpaces.Tests;

/// <summary>Logs and activities describe every exchange, and never carry the token or a secret value.</summary>
// The ActivitySource, the Meter and their listeners are process-wide: while this runs, no other test may call the SDK
// (the wire fuzz retries SetSecret on 429s too, which the retry counter cannot tell apart).
[Collection(nameof(TelemetryTests))]
public sealed class TelemetryTests
{
    private const string Token = "hf_telemetry_token_0123456789";
    private const string SecretValue = "sk-never-in-logs";

    [Fact]
    public async Task Logs_and_activities_name_the_call_and_never_the_token_or_the_secret()
    {
        var attempts = 0;
        var handler = new StubHandler(_ => Interlocked.Increment(ref attempts) == 1
            ? new HttpResponseMessage(HttpStatusCode.TooManyRequests) { Headers = { RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.Zero) } }
            : new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("{}") });
        var logs = new CapturingLoggerProvider();
        using var loggerFactory = LoggerFactory.Create(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
        var activities = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "HfSpaces",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activities.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);
        var measurements = new ConcurrentQueue<(string Instrument, double Value, Dictionary<string, object?> Tags)>();
        using var meters = new System.Diagnostics.Metrics.MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == HfSpacesTelemetry.MeterName)
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        meters.SetMeasurementEventCallback<double>((i, v, tags, _) => measurements.Enqueue((i.Name, v, Tags(tags))));
        meters.SetMeasurementEventCallback<long>((i, v, tags, _) => measurements.Enqueue((i.Name, v, Tags(tags))));
        meters.Start();
        using var http = new HttpClient(handler);
        using var client = new HfSpacesClient(http, new HfSpacesClientOptions
        {
            Endpoint = new Uri("https://hub.example.com"),
            Token = Token,
            MaxRetries = 1,
            RetryDelay = TimeSpan.Zero,
            LoggerFactory = loggerFactory,
        });

        await client.SetSecretAsync("alice/demo", "API_KEY", SecretValue);

        Assert.Equal(
        [
            "Debug: POST /api/spaces/alice/demo/secrets answered 429 in * ms (attempt 1)",
            "Information: POST /api/spaces/alice/demo/secrets failed and is retried in * ms (attempt 1)",
            "Debug: POST /api/spaces/alice/demo/secrets answered 200 in * ms (attempt 2)",
        ], logs.Messages.Select(m => System.Text.RegularExpressions.Regex.Replace(m, @"in \d+ ms", "in * ms")));
        // The listener is process-wide: other tests' calls are filtered out by operation and path.
        var activity = Assert.Single(activities, a => a.DisplayName == "HfSpaces.SetSecret" && (string?)a.GetTagItem("url.path") == "/api/spaces/alice/demo/secrets");
        Assert.Equal(ActivityKind.Client, activity.Kind);
        Assert.Equal("POST", activity.GetTagItem("http.request.method"));
        Assert.Equal("hub.example.com", activity.GetTagItem("server.address"));
        Assert.Equal(443, activity.GetTagItem("server.port"));
        Assert.Equal(200, activity.GetTagItem("http.response.status_code"));
        Assert.Null(activity.GetTagItem("error.type"));
        var ours = measurements.Where(m => (string?)m.Tags.GetValueOrDefault("hfspaces.operation") == "SetSecret"
            && (string?)m.Tags.GetValueOrDefault("server.address") is null or "hub.example.com").ToList();
        var retry = Assert.Single(ours, m => m.Instrument == HfSpacesTelemetry.RetriesMetric);
        Assert.Equal(1, retry.Value);
        Assert.Equal("429", retry.Tags["error.type"]);
        var duration = Assert.Single(ours, m => m.Instrument == HfSpacesTelemetry.RequestDurationMetric && (string?)m.Tags["server.address"] == "hub.example.com");
        Assert.Equal(200, duration.Tags["http.response.status_code"]);
        Assert.Equal("POST", duration.Tags["http.request.method"]);
        var everything = string.Join("\n", logs.Messages
            .Concat(activity.TagObjects.Select(t => $"{t.Key}={t.Value}"))
            .Concat(ours.SelectMany(m => m.Tags.Select(t => $"{t.Key}={t.Value}"))));
        Assert.DoesNotContain(Token, everything, StringComparison.Ordinal);
        Assert.DoesNotContain(SecretValue, everything, StringComparison.Ordinal);
    }

    private static Dictionary<string, object?> Tags(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var result = new Dictionary<string, object?>();
        foreach (var tag in tags)
        {
            result[tag.Key] = tag.Value;
        }

        return result;
    }

    private sealed class CapturingLoggerProvider : ILoggerProvider
    {
        public ConcurrentQueue<string> Messages { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Logger(Messages);

        public void Dispose()
        {
        }

        private sealed class Logger(ConcurrentQueue<string> messages) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                messages.Enqueue($"{logLevel}: {formatter(state, exception)}");
        }
    }
}

/// <summary>Runs <see cref="TelemetryTests"/> alone: no test of another class runs in parallel with it.</summary>
[CollectionDefinition(nameof(TelemetryTests), DisableParallelization = true)]
public sealed class TelemetryCollection;
