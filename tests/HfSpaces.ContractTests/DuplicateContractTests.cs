namespace HfSpaces.ContractTests;

public sealed class DuplicateContractTests(HubServer hub) : ContractTest(hub)
{
    private const string DuplicatePath = "/api/spaces/alice/demo/duplicate";

    [Fact]
    public async Task Duplicate_to_a_full_id_sends_only_the_repository_and_skips_whoami()
    {
        Hub.Reply("POST", DuplicatePath, 200, """{"url":"https://huggingface.co/spaces/bob/copy"}""");

        var result = await Client.DuplicateAsync("alice/demo", "bob/copy");

        var request = Hub.SingleRequest();
        RequestAssert.Sent(request, "POST", DuplicatePath);
        RequestAssert.Authorized(request);
        RequestAssert.JsonBody(request, """{"repository":"bob/copy"}""");
        Assert.Equal(new SpaceDuplicate { Id = "bob/copy", Url = new Uri("https://huggingface.co/spaces/bob/copy"), AlreadyExisted = false }, result);
    }

    [Fact]
    public async Task Duplicate_without_target_asks_whoami_and_keeps_the_source_name()
    {
        Hub.Reply("GET", "/api/whoami-v2", 200, """{"type":"user","name":"carol","fullname":"Carol","orgs":[{"name":"acme"}]}""");
        Hub.Reply("POST", DuplicatePath, 200, """{"url":"https://huggingface.co/spaces/carol/demo"}""");

        var result = await Client.DuplicateAsync("alice/demo");

        var requests = Hub.Requests();
        Assert.Equal(2, requests.Count);
        RequestAssert.Sent(requests[0], "GET", "/api/whoami-v2");
        RequestAssert.Authorized(requests[0]);
        RequestAssert.JsonBody(requests[1], """{"repository":"carol/demo"}""");
        Assert.Equal(SpaceId.Parse("carol/demo"), result.Id);
    }

    [Fact]
    public async Task Duplicate_to_a_bare_name_uses_the_token_owner_namespace()
    {
        Hub.Reply("GET", "/api/whoami-v2", 200, """{"name":"carol"}""");
        Hub.Reply("POST", DuplicatePath, 200, """{"url":"https://huggingface.co/spaces/carol/renamed"}""");

        var result = await Client.DuplicateAsync("alice/demo", "renamed");

        RequestAssert.JsonBody(Hub.Requests()[1], """{"repository":"carol/renamed"}""");
        Assert.Equal("carol/renamed", result.Id.ToString());
    }

    [Fact]
    public async Task Duplicate_sends_every_setting_with_the_hub_key_names()
    {
        Hub.Reply("POST", DuplicatePath, 200, """{"url":"https://huggingface.co/spaces/bob/copy"}""");

        await Client.DuplicateAsync("alice/demo", "bob/copy", new DuplicateSpaceOptions
        {
            Visibility = SpaceVisibility.Private,
            Hardware = SpaceHardware.A10gSmall,
            Storage = SpaceStorage.Small,
            SleepTime = TimeSpan.FromMinutes(30),
            Secrets = [new SpaceSecretValue("TOKEN", "s3cret", "api")],
            Variables = [new SpaceVariableValue("MODEL", "gpt2")],
            Volumes = [new SpaceVolume(SpaceVolumeType.Dataset, "alice/data", "/data") { ReadOnly = true }],
        });

        RequestAssert.JsonBody(Hub.SingleRequest(), """
            {"repository":"bob/copy","visibility":"private","hardware":"a10g-small","storageTier":"small","sleepTimeSeconds":1800,
             "secrets":[{"key":"TOKEN","value":"s3cret","description":"api"}],
             "variables":[{"key":"MODEL","value":"gpt2"}],
             "volumes":[{"type":"dataset","source":"alice/data","mountPath":"/data","readOnly":true}]}
            """);
    }

    [Fact]
    public async Task Duplicate_onto_an_existing_space_throws_conflict()
    {
        Hub.Reply("POST", DuplicatePath, 409, """{"error":"You already created this space repo","url":"https://huggingface.co/spaces/bob/copy"}""", ("X-Request-Id", "req-409"));

        var error = await Assert.ThrowsAsync<HfSpacesConflictException>(() => Client.DuplicateAsync("alice/demo", "bob/copy"));

        Assert.Equal(System.Net.HttpStatusCode.Conflict, error.StatusCode);
        Assert.Equal("You already created this space repo", error.ServerMessage);
        Assert.Equal("https://huggingface.co/spaces/bob/copy", error.Details.ExistingUrl);
        Assert.Equal("POST /api/spaces/alice/demo/duplicate answered 409 Conflict: You already created this space repo. Request id: req-409.", error.Message);
    }

    [Fact]
    public async Task Duplicate_with_existOk_returns_the_url_from_the_409_body()
    {
        Hub.Reply("POST", DuplicatePath, 409, """{"error":"You already created this space repo","url":"https://huggingface.co/spaces/bob/copy"}""");

        var result = await Client.DuplicateAsync("alice/demo", "bob/copy", new DuplicateSpaceOptions { ExistOk = true });

        Assert.Equal(new SpaceDuplicate { Id = "bob/copy", Url = new Uri("https://huggingface.co/spaces/bob/copy"), AlreadyExisted = true }, result);
    }

    [Fact]
    public async Task Duplicate_with_existOk_survives_a_409_without_url()
    {
        Hub.Reply("POST", DuplicatePath, 409, """{"error":"A repository with this name already exists"}""");

        var result = await Client.DuplicateAsync("alice/demo", "bob/copy", new DuplicateSpaceOptions { ExistOk = true });

        Assert.True(result.AlreadyExisted);
        Assert.Equal(new Uri(Hub.Url, "spaces/bob/copy"), result.Url);
    }

    [Theory]
    [InlineData("bob/", "The Space name cannot be empty.")]
    [InlineData("a/b/c", "'a/b/c' has more than one '/': a Space id is 'namespace/name'.")]
    [InlineData("-bad", "The Space name '-bad' must start and end with a letter, a digit or '_'.")]
    public async Task Duplicate_rejects_an_invalid_target_before_any_request(string target, string message)
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => Client.DuplicateAsync("alice/demo", target));

        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
        Assert.Empty(Hub.Requests());
    }
}
