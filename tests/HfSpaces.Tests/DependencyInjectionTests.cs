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
}
