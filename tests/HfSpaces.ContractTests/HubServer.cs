using System.Text.Json.Nodes;
using WireMock;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace HfSpaces.ContractTests;

/// <summary>One WireMock server per test class, on a free loopback port; reset before each test.</summary>
public sealed class HubServer : IDisposable
{
    public const string Token = "hf_contractTestToken0123456789";

    public HubServer() => Server = WireMockServer.Start();

    public WireMockServer Server { get; }

    public Uri Url => new(Server.Url!);

    public HfSpacesClient CreateClient(string? token = Token, int maxRetries = 0, TimeSpan? perTryTimeout = null) =>
        new(new HfSpacesClientOptions
        {
            Endpoint = Url,
            Token = token,
            UseImplicitToken = false,
            MaxRetries = maxRetries,
            RetryDelay = TimeSpan.FromMilliseconds(1),
            PerTryTimeout = perTryTimeout ?? TimeSpan.FromSeconds(30),
        });

    /// <summary>Answers <paramref name="method"/> <paramref name="path"/> with JSON.</summary>
    public void Reply(string method, string path, int status, string? json, params (string Name, string Value)[] headers)
    {
        var response = Response.Create().WithStatusCode(status);
        if (json is not null)
        {
            response = response.WithHeader("Content-Type", "application/json").WithBody(json);
        }

        foreach (var (name, value) in headers)
        {
            response = response.WithHeader(name, value);
        }

        Server.Given(Request.Create().WithPath(path).UsingMethod(method)).RespondWith(response);
    }

    /// <summary>The only request the server received.</summary>
    public IRequestMessage SingleRequest() => Assert.Single(Server.LogEntries).RequestMessage!;

    public IReadOnlyList<IRequestMessage> Requests() => Server.LogEntries.Select(e => e.RequestMessage!).ToList();

    public void Reset() => Server.Reset();

    public void Dispose() => Server.Stop();
}

/// <summary>Assertions on what reached the server.</summary>
public static class RequestAssert
{
    public static void Sent(IRequestMessage request, string method, string path, string? query = null)
    {
        Assert.Equal(method, request.Method);
        Assert.Equal(path, request.Path);
        Assert.Equal(query ?? string.Empty, (request.RawQuery ?? string.Empty).TrimStart('?'));
    }

    public static void Authorized(IRequestMessage request, string token = HubServer.Token) =>
        Assert.Equal($"Bearer {token}", Header(request, "Authorization"));

    public static void JsonBody(IRequestMessage request, string expectedJson)
    {
        Assert.StartsWith("application/json", Header(request, "Content-Type"), StringComparison.Ordinal);
        var actual = JsonNode.Parse(request.Body!);
        var expected = JsonNode.Parse(expectedJson);
        Assert.True(JsonNode.DeepEquals(expected, actual), $"Expected body {expected?.ToJsonString()} but the server received {actual?.ToJsonString()}");
    }

    public static void NoBody(IRequestMessage request) => Assert.True(string.IsNullOrEmpty(request.Body), $"Expected no body, got '{request.Body}'");

    public static string? Header(IRequestMessage request, string name) =>
        request.Headers?.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value?.FirstOrDefault();
}
