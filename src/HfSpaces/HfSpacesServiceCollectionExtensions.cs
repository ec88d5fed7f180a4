using System.Runtime.CompilerServices;
using HfSpaces.Auth;
using HfSpaces.Http;
using HfSpaces.Resilience;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HfSpaces;

/// <summary>
/// Registers <see cref="HfSpacesClient"/> as a typed client on <c>IHttpClientFactory</c>, configured through the options
/// pattern (<c>services.Configure&lt;HfSpacesClientOptions&gt;(…)</c> works as well as the overloads here).
/// </summary>
public static class HfSpacesServiceCollectionExtensions
{
    /// <summary>The name of the <see cref="HttpClient"/> the factory creates for the client; add handlers to it with <c>AddHttpMessageHandler</c>.</summary>
    public const string HttpClientName = "HfSpaces";

    /// <summary>
    /// Adds <see cref="HfSpacesClient"/> (transient, on pooled handlers from <c>IHttpClientFactory</c>). Options default to
    /// <c>HF_ENDPOINT</c>/<c>HF_TOKEN</c>; the container's logger factory is used unless one is set. The SDK's handlers
    /// (retry, timeouts, redirects, authentication, error mapping) are placed innermost, after any handler added to the
    /// returned builder, and <c>HttpClient.Timeout</c> is infinite (<see cref="HfSpacesClientOptions.PerTryTimeout"/> bounds
    /// each attempt). A resilience handler added on top (<c>AddStandardResilienceHandler</c>) sees the SDK's typed errors,
    /// not transient responses, so it does not retry again: a restart is still sent once.
    /// </summary>
    public static IHttpClientBuilder AddHfSpacesClient(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        return Register(services, Options.DefaultName);
    }

    /// <summary>Adds <see cref="HfSpacesClient"/> (see <see cref="AddHfSpacesClient(IServiceCollection)"/>) and configures its options in code.</summary>
    public static IHttpClientBuilder AddHfSpacesClient(this IServiceCollection services, Action<HfSpacesClientOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.Configure(configure);
        return Register(services, Options.DefaultName);
    }

    /// <summary>Adds <see cref="HfSpacesClient"/> with options bound from a configuration section (e.g. <c>configuration.GetSection("HfSpaces")</c>: <c>Endpoint</c>, <c>Token</c>, <c>MaxRetries</c>, <c>PerTryTimeout</c>, …).</summary>
    public static IHttpClientBuilder AddHfSpacesClient(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.Configure<HfSpacesClientOptions>(configuration);
        return Register(services, Options.DefaultName);
    }

    /// <summary>
    /// Adds a named client — one per Hub, token or tenant — created with <see cref="IHfSpacesClientFactory.CreateClient"/>.
    /// Its options are the named options <paramref name="name"/> (<c>services.Configure&lt;HfSpacesClientOptions&gt;(name, …)</c>
    /// works too); its <c>HttpClient</c> is named <see cref="HttpClientName"/><c>:</c><paramref name="name"/>.
    /// </summary>
    public static IHttpClientBuilder AddHfSpacesClient(this IServiceCollection services, string name, Action<HfSpacesClientOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(configure);
        services.Configure(name, configure);
        return Register(services, name);
    }

    /// <summary>Adds a named client (see <see cref="AddHfSpacesClient(IServiceCollection, string, Action{HfSpacesClientOptions})"/>) with options bound from configuration.</summary>
    public static IHttpClientBuilder AddHfSpacesClient(this IServiceCollection services, string name, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(configuration);
        services.Configure<HfSpacesClientOptions>(name, configuration);
        return Register(services, name);
    }

    private static string HttpName(string name) => name.Length == 0 ? HttpClientName : $"{HttpClientName}:{name}";

    private static IHttpClientBuilder Register(IServiceCollection services, string name)
    {
        var httpName = HttpName(name);
        var builder = services.AddHttpClient(httpName, http => http.Timeout = Timeout.InfiniteTimeSpan);
        if (services.Any(d => d.ServiceType == typeof(RegisteredName) && d.ImplementationInstance is RegisteredName r && r.Name == name))
        {
            return builder;
        }

        services.AddSingleton(new RegisteredName(name));
        services.AddOptions<HfSpacesClientOptions>(name);
        if (!services.Any(d => d.ServiceType == typeof(Registration)))
        {
            services.AddSingleton<Registration>();
            services.AddSingleton<IHfSpacesClientFactory, ClientFactory>();
        }

        builder.ConfigurePrimaryHttpMessageHandler(HubPipeline.CreatePrimaryHandler);

        // PostConfigure runs after every Configure, so the SDK's chain ends up innermost, below the caller's handlers.
        services.PostConfigure<HttpClientFactoryOptions>(httpName, factory => factory.HttpMessageHandlerBuilderActions.Add(handlers =>
        {
            var registration = handlers.Services.GetRequiredService<Registration>();
            var (options, credentials) = registration.Current(name);
            var gate = registration.Gate(name, options.TimeProvider);
            if (handlers.PrimaryHandler is SocketsHttpHandler sockets)
            {
                sockets.AllowAutoRedirect = false;
            }
            else if (handlers.PrimaryHandler is HttpClientHandler classic)
            {
                classic.AllowAutoRedirect = false;
            }

            var loggerFactory = options.LoggerFactory ?? handlers.Services.GetService<ILoggerFactory>();
            foreach (var handler in HubPipeline.CreateHandlers(options, credentials, gate, loggerFactory))
            {
                handlers.AdditionalHandlers.Add(handler);
            }
        }));

        if (name.Length == 0)
        {
            builder.AddTypedClient((http, provider) =>
            {
                var registration = provider.GetRequiredService<Registration>();
                var (options, credentials) = registration.Current(Options.DefaultName);
                return new HfSpacesClient(http, credentials.Endpoint, options.TimeProvider, registration.Gate(Options.DefaultName, options.TimeProvider));
            });
        }

        return builder;
    }

    /// <summary>A name given to <c>AddHfSpacesClient</c>: the factory creates only those.</summary>
    private sealed record RegisteredName(string Name);

    /// <summary>Resolves the endpoint and token (environment, token file) once per options instance, not per transient client.</summary>
    private sealed class Registration(IOptionsMonitor<HfSpacesClientOptions> monitor)
    {
        private readonly ConditionalWeakTable<HfSpacesClientOptions, HubCredentials> _credentials = new();
        private readonly System.Collections.Concurrent.ConcurrentDictionary<string, RateLimitGate> _gates = new(StringComparer.Ordinal);

        /// <summary>One rate-limit state per registered name: handler chains are rotated, the Hub's budget is not.</summary>
        public RateLimitGate Gate(string name, TimeProvider clock) => _gates.GetOrAdd(name, _ => new RateLimitGate(clock));

        public (HfSpacesClientOptions Options, HubCredentials Credentials) Current(string name)
        {
            var options = monitor.Get(name);
            return (options, _credentials.GetValue(options, HubCredentials.Resolve));
        }
    }

    private sealed class ClientFactory(IHttpClientFactory http, Registration registration, IEnumerable<RegisteredName> names) : IHfSpacesClientFactory
    {
        private readonly HashSet<string> _names = names.Select(n => n.Name).ToHashSet(StringComparer.Ordinal);

        public HfSpacesClient CreateClient(string name)
        {
            ArgumentNullException.ThrowIfNull(name);
            if (!_names.Contains(name))
            {
                throw new InvalidOperationException(name.Length == 0
                    ? "No default HfSpaces client is registered: call services.AddHfSpacesClient(…)."
                    : $"No HfSpaces client named '{name}' is registered: call services.AddHfSpacesClient(\"{name}\", …).");
            }

            var (options, credentials) = registration.Current(name);
            return new HfSpacesClient(http.CreateClient(HttpName(name)), credentials.Endpoint, options.TimeProvider, registration.Gate(name, options.TimeProvider));
        }
    }
}
