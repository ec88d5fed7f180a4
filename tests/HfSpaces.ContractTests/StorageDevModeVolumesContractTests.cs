namespace HfSpaces.ContractTests;

#pragma warning disable CS0618 // The storage endpoints are deprecated by the Hub, and still part of the contract.
public sealed class StorageDevModeVolumesContractTests(HubServer hub) : ContractTest(hub)
{
    [Fact]
    public async Task RequestStorage_posts_the_tier_key()
    {
        Hub.Reply("POST", "/api/spaces/alice/demo/storage", 200, """{"stage":"RUNNING","storage":"medium"}""");

        var runtime = await Client.RequestStorageAsync("alice/demo", SpaceStorage.Medium);

        var request = Hub.SingleRequest();
        RequestAssert.Sent(request, "POST", "/api/spaces/alice/demo/storage");
        RequestAssert.JsonBody(request, """{"tier":"medium"}""");
        Assert.Equal(SpaceStorage.Medium, runtime.Storage);
    }

    [Fact]
    public async Task DeleteStorage_sends_DELETE_without_body()
    {
        Hub.Reply("DELETE", "/api/spaces/alice/demo/storage", 200, """{"stage":"RUNNING","storage":null}""");

        var runtime = await Client.DeleteStorageAsync("alice/demo");

        var request = Hub.SingleRequest();
        RequestAssert.Sent(request, "DELETE", "/api/spaces/alice/demo/storage");
        RequestAssert.NoBody(request);
        Assert.Null(runtime.Storage);
    }

    [Theory]
    [InlineData(true, """{"enabled":true}""")]
    [InlineData(false, """{"enabled":false}""")]
    public async Task SetDevMode_posts_enabled(bool enabled, string body)
    {
        Hub.Reply("POST", "/api/spaces/alice/demo/dev-mode", 200, $$"""{"stage":"RUNNING","devMode":{{(enabled ? "true" : "false")}}}""");

        var runtime = await Client.SetDevModeAsync("alice/demo", enabled);

        var request = Hub.SingleRequest();
        RequestAssert.Sent(request, "POST", "/api/spaces/alice/demo/dev-mode");
        RequestAssert.JsonBody(request, body);
        Assert.Equal(enabled, runtime.DevMode);
    }

    [Fact]
    public async Task SetVolumes_puts_the_whole_list()
    {
        Hub.Reply("PUT", "/api/spaces/alice/demo/volumes", 200, "{}");

        await Client.SetVolumesAsync("alice/demo",
        [
            new SpaceVolume(SpaceVolumeType.Model, "openai/whisper-large-v3", "/data/whisper") { ReadOnly = true, Revision = "main" },
            new SpaceVolume(SpaceVolumeType.Bucket, "my-bucket", "/bucket") { Path = "sub" },
        ]);

        var request = Hub.SingleRequest();
        RequestAssert.Sent(request, "PUT", "/api/spaces/alice/demo/volumes");
        RequestAssert.JsonBody(request, """
            {"volumes":[{"type":"model","source":"openai/whisper-large-v3","mountPath":"/data/whisper","revision":"main","readOnly":true},
                        {"type":"bucket","source":"my-bucket","mountPath":"/bucket","path":"sub"}]}
            """);
    }

    [Fact]
    public async Task SetVolumes_rejects_a_volume_without_mount_path()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => Client.SetVolumesAsync("alice/demo", [new SpaceVolume(SpaceVolumeType.Model, "a/b", " ")]));

        Assert.Contains("needs a type, a source and a mount path", error.Message, StringComparison.Ordinal);
        Assert.Empty(Hub.Requests());
    }

    [Fact]
    public async Task DeleteVolumes_sends_DELETE_without_body()
    {
        Hub.Reply("DELETE", "/api/spaces/alice/demo/volumes", 200, null);

        await Client.DeleteVolumesAsync("alice/demo");

        var request = Hub.SingleRequest();
        RequestAssert.Sent(request, "DELETE", "/api/spaces/alice/demo/volumes");
        RequestAssert.NoBody(request);
    }
}
