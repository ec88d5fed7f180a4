using System.Runtime.CompilerServices;
using HfSpaces.Auth;
using HfSpaces.Http;
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
        return Register(services);
    }

    /// <summary>Adds <see cref="HfSpacesClient"/> (see <see cref="AddHfSpacesClient(IServiceCollection)"/>) and configures its options in code.</summary>
    public static IHttpClientBuilder AddHfSpacesClient(this IServiceCollection services, Action<HfSpacesClientOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.Configure(configure);
        return Register(services);
    }

    /// <summary>Adds <see cref="HfSpacesClient"/> with options bound from a configuration section (e.g. <c>configuration.GetSection("HfSpaces")</c>: <c>Endpoint</c>, <c>Token</c>, <c>MaxRetries</c>, <c>PerTryTimeout</c>, …).</summary>
    public static IHttpClientBuilder AddHfSpacesClient(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.Configure<HfSpacesClientOptions>(configuration);
        return Register(services);
    }

    private static IHttpClientBuilder Register(IServiceCollection services)
    {
        var builder = services.AddHttpClient(HttpClientName, http => http.Timeout = Timeout.InfiniteTimeSpan);
        if (services.Any(d => d.ServiceType == typeof(Registration)))
        {
            return builder;
        }

        services.AddOptions<HfSpacesClientOptions>();
        services.AddSingleton<Registration>();
        builder.ConfigurePrimaryHttpMessageHandler(HubPipeline.CreatePrimaryHandler);

        // PostConfigure runs after every Configure, so the SDK's chain ends up innermost, below the caller's handlers.
        services.PostConfigure<HttpClientFactoryOptions>(HttpClientName, factory => factory.HttpMessageHandlerBuilderActions.Add(handlers =>
        {
            var registration = handlers.Services.GetRequiredService<Registration>();
            var (options, credentials) = registration.Current();
            if (handlers.PrimaryHandler is SocketsHttpHandler sockets)
            {
                sockets.AllowAutoRedirect = false;
            }
            else if (handlers.PrimaryHandler is HttpClientHandler classic)
            {
                classic.AllowAutoRedirect = false;
            }

            var loggerFactory = options.LoggerFactory ?? handlers.Services.GetService<ILoggerFactory>();
            foreach (var handler in HubPipeline.CreateHandlers(options, credentials, loggerFactory))
            {
                handlers.AdditionalHandlers.Add(handler);
            }
        }));

        builder.AddTypedClient((http, provider) =>
        {
            var (options, credentials) = provider.GetRequiredService<Registration>().Current();
            return new HfSpacesClient(http, credentials.Endpoint, options.TimeProvider);
        });
        return builder;
    }

    /// <summary>Resolves the endpoint and token (environment, token file) once per options instance, not per transient client.</summary>
    private sealed class Registration(IOptionsMonitor<HfSpacesClientOptions> monitor)
    {
        private readonly ConditionalWeakTable<HfSpacesClientOptions, HubCredentials> _credentials = new();

        public (HfSpacesClientOptions Options, HubCredentials Credentials) Current()
        {
            var options = monitor.CurrentValue;
            return (options, _credentials.GetValue(options, HubCredentials.Resolve));
        }
    }
}
