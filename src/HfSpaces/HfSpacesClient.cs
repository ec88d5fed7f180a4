using HfSpaces.Generated.Api.Spaces.Item.Item;
using HfSpaces.Http;
using HfSpaces.Resilience;

namespace HfSpaces;

/// <summary>
/// Manages Hugging Face Spaces: runtime, hardware, sleep time, pause/restart, waiting, logs, secrets, variables, the
/// lifecycle (create, find, inspect, configure, duplicate, delete), storage, dev mode, volumes and the hardware catalog.
/// Thread-safe; create one and reuse it. Every failure is an <see cref="HfSpacesException"/> (or a subclass); bad
/// arguments throw <see cref="ArgumentException"/> before anything is sent. Methods are virtual so tests can mock the
/// client; <see cref="HfSpacesModelFactory"/> builds the results a mock returns.
/// </summary>
/// <remarks>
/// This file holds construction and the argument rules every operation shares; the operations live in the partial files
/// named for their concern (<c>HfSpacesClient.Runtime.cs</c>, <c>.SecretsAndVariables.cs</c>, <c>.Lifecycle.cs</c>, …) and
/// all send through one <see cref="HubConnection"/>.
/// </remarks>
public partial class HfSpacesClient : IDisposable
{
    private readonly HubConnection _connection = null!;

    /// <summary>Creates a client with the default settings (HF_ENDPOINT, HF_TOKEN or the token file).</summary>
    public HfSpacesClient()
        : this(null, null)
    {
    }

    /// <summary>Creates a client with its own connection pool.</summary>
    /// <exception cref="ArgumentException">The endpoint is not an absolute http(s) URL, or a token would be sent over plain http to a non-loopback host.</exception>
    public HfSpacesClient(HfSpacesClientOptions? options)
        : this(null, options)
    {
    }

    /// <summary>
    /// Creates a client that sends through a caller-owned <see cref="HttpClient"/>, which is not disposed with the client.
    /// The SDK's handlers (retries, timeouts, authentication, redirects, error mapping) run in front of it, so the caller's
    /// client should not follow redirects itself. Its BaseAddress is ignored; its Timeout, if not infinite, cuts each attempt
    /// (and a log stream) short, so prefer <c>Timeout.InfiniteTimeSpan</c> and <see cref="HfSpacesClientOptions.PerTryTimeout"/>.
    /// </summary>
    public HfSpacesClient(HttpClient? httpClient, HfSpacesClientOptions? options = null)
    {
        options ??= new HfSpacesClientOptions();
        var credentials = Auth.HubCredentials.Resolve(options);
        var gate = new RateLimitGate(options.TimeProvider);
        _connection = new HubConnection(HubPipeline.CreateClient(httpClient, options, credentials, gate), credentials.Endpoint, options.TimeProvider, gate);
    }

    /// <summary>On an <see cref="HttpClient"/> from the DI registration, whose handlers already include the SDK's chain.</summary>
    internal HfSpacesClient(HttpClient pipelineClient, Uri endpoint, TimeProvider clock, RateLimitGate? gate = null)
    {
        _connection = new HubConnection(pipelineClient, endpoint, clock, gate);
    }

    /// <summary>For mocking frameworks only: every method of an instance made this way must be overridden.</summary>
    protected HfSpacesClient(bool forMocking)
    {
        _ = forMocking;
    }

    /// <summary>The Hub this client talks to.</summary>
    public virtual Uri Endpoint => _connection?.Endpoint!;

    /// <summary>
    /// How long until the Hub's rate limit lets this client's calls through again: zero, unless a 429 or a spent
    /// <c>RateLimit</c> budget made every call of the client wait (progress displays show it).
    /// </summary>
    public virtual TimeSpan RateLimitResetsIn => _connection?.Gate?.Remaining ?? TimeSpan.Zero; // a mock has no connection

    /// <summary>The client's rate-limit gate (tests observe the calls it holds).</summary>
    internal Resilience.RateLimitGate? Gate => _connection?.Gate;

    /// <summary>Releases the connection pool if the client created it.</summary>
    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Releases resources.</summary>
    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            _connection?.Dispose();
        }
    }

    private WithRepoItemRequestBuilder Space(SpaceId space)
    {
        ValidateSpace(space);
        return _connection.Api.Api.Spaces[space.Namespace][space.Name];
    }

    private static void ValidateSpace(SpaceId space)
    {
        if (space.IsDefault)
        {
            throw new ArgumentException("The SpaceId is default(SpaceId); use SpaceId.Parse(\"namespace/name\").", nameof(space));
        }
    }

    private static string Required(string value, string parameter, string hint) =>
        value.Length > 0 ? value : throw new ArgumentException($"{parameter} is the default value; use {hint}.", parameter);

    private static string? Optional<T>(T? value, string name)
        where T : struct =>
        value is { } v ? Required(v.ToString()!, name, "a known member or an explicit value") : null;

    /// <summary>Whole seconds for the wire: -1 for <see cref="Timeout.InfiniteTimeSpan"/> (never sleep).</summary>
    internal static int Seconds(TimeSpan sleepTime, string parameter)
    {
        if (sleepTime == Timeout.InfiniteTimeSpan)
        {
            return -1;
        }

        if (sleepTime <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(parameter, sleepTime, "A sleep time must be positive, or Timeout.InfiniteTimeSpan to never sleep.");
        }

        if (sleepTime.Ticks % TimeSpan.TicksPerSecond != 0)
        {
            throw new ArgumentException($"A sleep time is sent in whole seconds; {sleepTime} has a fraction of a second.", parameter);
        }

        return sleepTime.TotalSeconds <= int.MaxValue
            ? (int)sleepTime.TotalSeconds
            : throw new ArgumentOutOfRangeException(parameter, sleepTime, $"A sleep time can be at most {int.MaxValue} seconds.");
    }
}
