using System.Net;
using System.Text;
using CsCheck;

namespace HfSpaces.Tests;

/// <summary>Whatever bytes the Hub answers, the client throws nothing but <see cref="HfSpacesException"/>.</summary>
public sealed class ResponseFuzzTests
{
    private static readonly string[] Fragments =
    [
        "{", "}", "[", "]", ",", ":", "null", "true", "1", "-1", "1e99", "\"x\"", "\"stage\"", "\"hardware\"", "\"gcTimeout\"", "\"replicas\"",
        "\"requested\"", "\"current\"", "\"domains\"", "\"volumes\"", "\"hotReloading\"", "\"replicaStatuses\"", "\"value\"", "\"url\"", "\"RUNNING\"", "<html>",
    ];

    private static readonly Gen<string> JsonLike = Gen.OneOf(
        Gen.String,
        Gen.Byte.Array.Select(b => Encoding.UTF8.GetString(b)),
        Gen.Int[0, Fragments.Length - 1].Select(i => Fragments[i]).Array[0, 40].Select(parts => string.Concat(parts)));

    private static async Task<Exception?> Call(string body, HttpStatusCode status, Func<HfSpacesClient, Task> call)
    {
        using var http = new HttpClient(StubHandler.Json(body, status));
        using var client = new HfSpacesClient(http, new HfSpacesClientOptions { Endpoint = new Uri("https://hub.example.com"), UseImplicitToken = false, MaxRetries = 0 });
        try
        {
            await call(client);
            return null;
        }
        catch (Exception e)
        {
            return e;
        }
    }

    [Fact]
    public void Runtime_answers_never_escape_as_anything_but_HfSpacesException() =>
        JsonLike.Sample(body =>
        {
            var error = Call(body, HttpStatusCode.OK, c => c.GetRuntimeAsync("alice/demo")).GetAwaiter().GetResult();
            return error is null or HfSpacesException;
        }, iter: 400);

    [Fact]
    public void Map_and_list_answers_never_escape_as_anything_but_HfSpacesException() =>
        JsonLike.Sample(body =>
        {
            var errors = new[]
            {
                Call(body, HttpStatusCode.OK, c => c.ListVariablesAsync("alice/demo")),
                Call(body, HttpStatusCode.OK, c => c.ListSecretsAsync("alice/demo")),
                Call(body, HttpStatusCode.OK, c => c.ListHardwareAsync()),
                Call(body, HttpStatusCode.OK, c => c.WhoAmIAsync()),
                Call(body, HttpStatusCode.OK, c => c.DuplicateAsync("alice/demo", "bob/copy")),
            }.Select(t => t.GetAwaiter().GetResult());
            return errors.All(e => e is null or HfSpacesException);
        }, iter: 200);

    [Fact]
    public void Error_answers_always_become_HfSpacesException() =>
        Gen.Select(JsonLike, Gen.Int[400, 599]).Sample((body, status) =>
        {
            var error = Call(body, (HttpStatusCode)status, c => c.GetRuntimeAsync("alice/demo")).GetAwaiter().GetResult();
            return error is HfSpacesException { StatusCode: var s } && (int)s! == status;
        }, iter: 300);
}
