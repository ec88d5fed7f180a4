namespace HfSpaces;

/// <summary>
/// Creates the clients registered with <c>services.AddHfSpacesClient(name, …)</c> — several Hubs, tokens or tenants in
/// one application — on pooled handlers from <c>IHttpClientFactory</c>. The empty name is the default client.
/// </summary>
public interface IHfSpacesClientFactory
{
    /// <summary>A new client configured with the named options; dispose it when done (the handlers stay pooled).</summary>
    /// <exception cref="InvalidOperationException">No client was registered under <paramref name="name"/>.</exception>
    HfSpacesClient CreateClient(string name);
}
