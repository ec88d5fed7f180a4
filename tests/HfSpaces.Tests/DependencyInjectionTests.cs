using HfSpaces.Tests.Faults;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace HfSpaces.Tests;

public sealed class DependencyInjectionTests
{
    [Fact]
    public async Task AddHfSpacesClient_builds_a_client_on_the_factory_pipeline_with_the_configured_options()
    {
        var handler = StubHandler.Json("""{"stage":"RUNNING"}""");
        var services = new ServiceCollection();
        services.AddHfSpacesClient(o =>
            {
                o.Endpoint = new Uri("https://hub.example.com");
                o.Token = "hf_di_token";
                o.UseImplicitToken = false;
            })
            .ConfigurePrimaryHttpMessageHandler(() => handler);
        await using var provider = services.BuildServiceProvider();

        var client = provider.GetRequiredService<HfSpacesClient>();
        var runtime = await client.GetRuntimeAsync("alice/demo");

        Assert.Equal(SpaceStage.Running, runtime.Stage);
        var request = Assert.Single(handler.Requests);
        Assert.Equal("https://hub.example.com/api/spaces/alice/demo/runtime", request.RequestUri!.ToString());
        Assert.Equal("Bearer hf_di_token", request.Headers.Authorization!.ToString());
        Assert.Equal(new Uri("https://hub.example.com"), client.Endpoint);
    }

    [Fact]
    public async Task The_token_is_resolved_once_per_registration_not_per_transient_client()
    {
        var reads = 0;
        var handler = StubHandler.Json("""{"stage":"RUNNING"}""");
        var services = new ServiceCollection();
        services.AddHfSpacesClient(o =>
            {
                o.Endpoint = new Uri("https://hub.example.com");
                o.GetEnvironmentVariable = name =>
                {
                    if (name == "HF_TOKEN")
                    {
                        Interlocked.Increment(ref reads);
                        return "hf_from_env";
                    }

                    return null;
                };
            })
            .ConfigurePrimaryHttpMessageHandler(() => handler);
        await using var provider = services.BuildServiceProvider();

        await provider.GetRequiredService<HfSpacesClient>().GetRuntimeAsync("alice/demo");
        await provider.GetRequiredService<HfSpacesClient>().GetRuntimeAsync("alice/demo");

        Assert.Equal(1, reads);
        Assert.All(handler.Requests, r => Assert.Equal("Bearer hf_from_env", r.Headers.Authorization!.ToString()));
    }

    private const string Runtime = """{"stage":"RUNNING"}""";

    [Fact]
    public async Task Options_bound_from_configuration_reach_the_wire()
    {
        await using var server = new ScriptedServer((r, s, ct) => ScriptedServer.Answer(s, 200, Runtime, ct));
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["HfSpaces:Endpoint"] = server.Endpoint.ToString(),
            ["HfSpaces:Token"] = "hf_from_config",
            ["HfSpaces:ApplicationId"] = "ConfiguredApp/2.0",
        }).Build();
        var services = new ServiceCollection();
        services.AddHfSpacesClient(configuration.GetSection("HfSpaces"));
        await using var provider = services.BuildServiceProvider();

        await provider.GetRequiredService<HfSpacesClient>().GetRuntimeAsync("alice/demo");

        var request = Assert.Single(server.Requests);
        Assert.Equal("Bearer hf_from_config", request.Headers["Authorization"]);
        Assert.StartsWith("ConfiguredApp/2.0 HfSpaces/", request.Headers["User-Agent"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Configure_after_the_registration_is_honoured_not_silently_ignored()
    {
        await using var server = new ScriptedServer((r, s, ct) => ScriptedServer.Answer(s, 200, Runtime, ct));
        var services = new ServiceCollection();
        services.AddHfSpacesClient();
        services.Configure<HfSpacesClientOptions>(o =>
        {
            o.Endpoint = server.Endpoint;
            o.Token = "hf_configured_later";
        });
        await using var provider = services.BuildServiceProvider();

        var client = provider.GetRequiredService<HfSpacesClient>();
        await client.GetRuntimeAsync("alice/demo");

        Assert.Equal(server.Endpoint, client.Endpoint);
        Assert.Equal("Bearer hf_configured_later", Assert.Single(server.Requests).Headers["Authorization"]);
    }

    [Fact]
    public async Task The_registered_HttpClient_has_no_overall_timeout_so_PerTryTimeout_is_the_limit()
    {
        var services = new ServiceCollection();
        services.AddHfSpacesClient(o => o.Endpoint = new Uri("https://hub.example.com"));
        await using var provider = services.BuildServiceProvider();

        var http = provider.GetRequiredService<IHttpClientFactory>().CreateClient(HfSpacesServiceCollectionExtensions.HttpClientName);

        Assert.Equal(Timeout.InfiniteTimeSpan, http.Timeout);
    }

    [Fact]
    public async Task With_AddStandardResilienceHandler_a_503_is_not_amplified_and_a_restart_is_sent_once()
    {
        await using var server = new ScriptedServer((r, s, ct) => r.Path.EndsWith("/restart", StringComparison.Ordinal)
            ? Task.FromResult(false)
            : ScriptedServer.Answer(s, 503, """{"error":"busy"}""", ct));
        var services = new ServiceCollection();
        services.AddHfSpacesClient(o =>
            {
                o.Endpoint = server.Endpoint;
                o.Token = "hf_resilience";
                o.MaxRetries = 3;
                o.RetryDelay = TimeSpan.Zero;
            })
            .AddStandardResilienceHandler();
        await using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<HfSpacesClient>();

        var unavailable = await Assert.ThrowsAsync<HfSpacesException>(() => client.GetRuntimeAsync("alice/demo"));
        await Assert.ThrowsAsync<HfSpacesException>(() => client.RestartAsync("alice/demo"));

        Assert.Equal(System.Net.HttpStatusCode.ServiceUnavailable, unavailable.StatusCode);
        Assert.Equal(4, server.Count("GET", "/api/spaces/alice/demo/runtime"));
        Assert.Equal(1, server.Count("POST", "/api/spaces/alice/demo/restart"));
    }

    [Fact]
    public async Task Handlers_added_by_the_caller_run_outside_the_SDK_chain_and_see_typed_errors()
    {
        await using var server = new ScriptedServer((r, s, ct) => ScriptedServer.Answer(s, 404, """{"error":"Repository not found"}""", ct, "application/json", "X-Error-Code: RepoNotFound"));
        var seen = new List<Exception>();
        var services = new ServiceCollection();
        services.AddHfSpacesClient(o =>
            {
                o.Endpoint = server.Endpoint;
                o.UseImplicitToken = false;
            })
            .AddHttpMessageHandler(() => new Observer(seen));
        await using var provider = services.BuildServiceProvider();

        await Assert.ThrowsAsync<HfSpacesNotFoundException>(() => provider.GetRequiredService<HfSpacesClient>().GetRuntimeAsync("alice/demo"));

        Assert.IsType<HfSpacesNotFoundException>(Assert.Single(seen));
    }

    private sealed class Observer(List<Exception> seen) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            try
            {
                return await base.SendAsync(request, cancellationToken);
            }
            catch (Exception e)
            {
                seen.Add(e);
                throw;
            }
        }
    }

    [Fact]
    public async Task Named_clients_each_talk_to_their_own_hub_with_their_own_token()
    {
        await using var prod = new ScriptedServer((r, s, ct) => ScriptedServer.Answer(s, 200, Runtime, ct));
        await using var staging = new ScriptedServer((r, s, ct) => ScriptedServer.Answer(s, 200, """{"stage":"PAUSED"}""", ct));
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Staging:Endpoint"] = staging.Endpoint.ToString(),
            ["Staging:Token"] = "hf_staging",
        }).Build();
        var services = new ServiceCollection();
        services.AddHfSpacesClient("prod", o =>
        {
            o.Endpoint = prod.Endpoint;
            o.Token = "hf_prod";
        });
        services.AddHfSpacesClient("staging", configuration.GetSection("Staging"));
        await using var provider = services.BuildServiceProvider();
        var factory = provider.GetRequiredService<IHfSpacesClientFactory>();

        using (var client = factory.CreateClient("prod"))
        {
            Assert.Equal(SpaceStage.Running, (await client.GetRuntimeAsync("alice/demo")).Stage);
        }

        using (var client = factory.CreateClient("staging"))
        {
            Assert.Equal(SpaceStage.Paused, (await client.GetRuntimeAsync("alice/demo")).Stage);
        }

        Assert.Equal("Bearer hf_prod", Assert.Single(prod.Requests).Headers["authorization"]);
        Assert.Equal("Bearer hf_staging", Assert.Single(staging.Requests).Headers["authorization"]);
        Assert.Equal(
            "No HfSpaces client named 'dev' is registered: call services.AddHfSpacesClient(\"dev\", …).",
            Assert.Throws<InvalidOperationException>(() => factory.CreateClient("dev")).Message);
        Assert.Null(provider.GetService<HfSpacesClient>()); // no default client was asked for
    }

    [Fact]
    public async Task A_named_client_keeps_the_sdk_chain_innermost_under_the_callers_handlers()
    {
        await using var server = new ScriptedServer((r, s, ct) => ScriptedServer.Answer(s, 503, """{"error":"down"}""", ct));
        var outer = new RecordingHandler();
        var services = new ServiceCollection();
        services.AddHfSpacesClient("flaky", o =>
            {
                o.Endpoint = server.Endpoint;
                o.Token = "hf_x";
                o.MaxRetries = 1;
                o.RetryDelay = TimeSpan.FromMilliseconds(1);
            })
            .AddHttpMessageHandler(() => outer);
        await using var provider = services.BuildServiceProvider();
        using var client = provider.GetRequiredService<IHfSpacesClientFactory>().CreateClient("flaky");

        await Assert.ThrowsAsync<HfSpacesException>(() => client.GetRuntimeAsync("alice/demo"));

        Assert.Equal(2, server.Requests.Count);   // the SDK's retry, inside
        Assert.Equal(1, outer.Calls);             // the caller's handler saw one call, ending in a typed error
        Assert.IsType<HfSpacesException>(outer.Error);
    }

    private sealed class RecordingHandler : DelegatingHandler
    {
        public int Calls { get; private set; }

        public Exception? Error { get; private set; }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Calls++;
            try
            {
                return await base.SendAsync(request, cancellationToken);
            }
            catch (Exception e)
            {
                Error = e;
                throw;
            }
        }
    }
}
