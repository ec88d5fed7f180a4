namespace HfSpaces.ContractTests;

/// <summary>A contract test class: one WireMock server per class (reset before each test) and a client pointed at it.</summary>
public abstract class ContractTest : IClassFixture<HubServer>, IDisposable
{
    protected ContractTest(HubServer hub)
    {
        ArgumentNullException.ThrowIfNull(hub);
        Hub = hub;
        Hub.Reset();
        Client = hub.CreateClient();
    }

    protected HubServer Hub { get; }

    protected HfSpacesClient Client { get; }

    public void Dispose()
    {
        Client.Dispose();
        GC.SuppressFinalize(this);
    }
}
