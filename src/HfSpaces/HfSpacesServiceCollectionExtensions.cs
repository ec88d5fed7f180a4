using HfSpaces.Auth;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace HfSpaces;

/// <summary>Registers <see cref="HfSpacesClient"/> as a typed client on <c>IHttpClientFactory</c>.</summary>
public static class HfSpacesServiceCollectionExtensions
{
    /// <summary>The name of the <see cref="HttpClient"/> the factory creates for the client; add handlers to it with <c>AddHttpMessageHandler</c>.</summary>
    public const string HttpClientName = "HfSpaces";

    /// <summary>
    /// Adds <see cref="HfSpacesClient"/> (transient, on pooled handlers from <c>IHttpClientFactory</c>). Options default to
    /// <c>HF_ENDPOINT</c>/<c>HF_TOKEN</c>; the logger factory of the container is used unless set.
    /// </summary>
    public static IHttpClientBuilder AddHfSpacesClient(this IServiceCollection services, Action<HfSpacesClientOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = new HfSpacesClientOptions();
        configure?.Invoke(options);

        // Typed clients are transient: resolve the endpoint and token (environment, token file) once, not per instance.
        var credentials = new Lazy<HubCredentials>(() => HubCredentials.Resolve(options));
        return services.AddHttpClient(HttpClientName).AddTypedClient((http, provider) =>
        {
            options.LoggerFactory ??= provider.GetService<ILoggerFactory>();
            return new HfSpacesClient(http, options, credentials.Value);
        });
    }
}
