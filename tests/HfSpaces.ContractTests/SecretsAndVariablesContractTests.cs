namespace HfSpaces.ContractTests;

public sealed class SecretsAndVariablesContractTests(HubServer hub) : ContractTest(hub)
{
    private const string SecretsPath = "/api/spaces/alice/demo/secrets";
    private const string VariablesPath = "/api/spaces/alice/demo/variables";

    [Fact]
    public async Task SetSecret_posts_key_and_value_and_omits_a_missing_description()
    {
        Hub.Reply("POST", SecretsPath, 200, "{}");

        await Client.SetSecretAsync("alice/demo", "OPENAI_API_KEY", "sk-secret-value");

        var request = Hub.SingleRequest();
        RequestAssert.Sent(request, "POST", SecretsPath);
        RequestAssert.Authorized(request);
        RequestAssert.JsonBody(request, """{"key":"OPENAI_API_KEY","value":"sk-secret-value"}""");
    }

    [Fact]
    public async Task SetSecret_sends_the_description_when_given()
    {
        Hub.Reply("POST", SecretsPath, 200, "{}");

        await Client.SetSecretAsync("alice/demo", "K", "v", "used by the chat tab");

        RequestAssert.JsonBody(Hub.SingleRequest(), """{"key":"K","value":"v","description":"used by the chat tab"}""");
    }

    [Fact]
    public async Task DeleteSecret_sends_DELETE_with_a_key_body()
    {
        Hub.Reply("DELETE", SecretsPath, 200, "{}");

        await Client.DeleteSecretAsync("alice/demo", "UNKNOWN_KEY");

        var request = Hub.SingleRequest();
        RequestAssert.Sent(request, "DELETE", SecretsPath);
        RequestAssert.JsonBody(request, """{"key":"UNKNOWN_KEY"}""");
    }

    [Fact]
    public async Task ListSecrets_reads_metadata_only_and_tolerates_missing_fields()
    {
        Hub.Reply("GET", SecretsPath, 200, """
            {"OPENAI_API_KEY":{"description":"chat","updatedAt":"2025-03-07T12:24:18.657Z"},"BARE":{}}
            """);

        var secrets = await Client.ListSecretsAsync("alice/demo");

        RequestAssert.Sent(Hub.SingleRequest(), "GET", SecretsPath);
        Assert.Equal(2, secrets.Count);
        Assert.Equal(new SpaceSecret { Key = "OPENAI_API_KEY", Description = "chat", UpdatedAt = new DateTimeOffset(2025, 3, 7, 12, 24, 18, 657, TimeSpan.Zero) }, secrets["OPENAI_API_KEY"]);
        Assert.Equal(new SpaceSecret { Key = "BARE", Description = null, UpdatedAt = null }, secrets["BARE"]);
    }

    [Fact]
    public async Task ListVariables_reads_an_empty_map()
    {
        Hub.Reply("GET", VariablesPath, 200, "{}");

        var variables = await Client.ListVariablesAsync("alice/demo");

        RequestAssert.Sent(Hub.SingleRequest(), "GET", VariablesPath);
        Assert.Empty(variables);
    }

    [Fact]
    public async Task SetVariable_posts_the_variable_and_returns_the_whole_map()
    {
        Hub.Reply("POST", VariablesPath, 200, """
            {"MODEL_ID":{"value":"gpt2","updatedAt":"2025-03-07T12:24:18.657Z"},"OTHER":{"value":"x","description":"d"}}
            """);

        var variables = await Client.SetVariableAsync("alice/demo", "MODEL_ID", "gpt2");

        var request = Hub.SingleRequest();
        RequestAssert.Sent(request, "POST", VariablesPath);
        RequestAssert.JsonBody(request, """{"key":"MODEL_ID","value":"gpt2"}""");
        Assert.Equal("gpt2", variables["MODEL_ID"].Value);
        Assert.Equal(new SpaceVariable { Key = "OTHER", Value = "x", Description = "d", UpdatedAt = null }, variables["OTHER"]);
    }

    [Fact]
    public async Task DeleteVariable_sends_DELETE_with_a_key_body_and_returns_the_map()
    {
        Hub.Reply("DELETE", VariablesPath, 200, """{"KEPT":{"value":"1"}}""");

        var variables = await Client.DeleteVariableAsync("alice/demo", "GONE");

        var request = Hub.SingleRequest();
        RequestAssert.Sent(request, "DELETE", VariablesPath);
        RequestAssert.JsonBody(request, """{"key":"GONE"}""");
        Assert.Equal(["KEPT"], variables.Keys);
    }

    [Fact]
    public async Task A_variable_without_value_is_a_typed_error_not_a_crash()
    {
        Hub.Reply("GET", VariablesPath, 200, """{"BROKEN":{"description":"no value"}}""");

        var error = await Assert.ThrowsAsync<HfSpacesException>(() => Client.ListVariablesAsync("alice/demo"));

        Assert.Equal("GET /api/spaces/alice/demo/variables answered 200 with a body this SDK cannot read: variable 'BROKEN' has no string 'value'.", error.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public async Task Blank_keys_are_rejected_before_sending(string key)
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Client.SetSecretAsync("alice/demo", key, "v"));
        await Assert.ThrowsAsync<ArgumentException>(() => Client.DeleteVariableAsync("alice/demo", key));
        Assert.Empty(Hub.Requests());
    }
}
