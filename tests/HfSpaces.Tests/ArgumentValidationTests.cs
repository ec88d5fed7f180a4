namespace HfSpaces.Tests;

public sealed class ArgumentValidationTests : IDisposable
{
    // Port 9 (discard) on loopback: nothing listens; every test here must fail before sending.
    private readonly HfSpacesClient _client = new(new HfSpacesClientOptions { Endpoint = new Uri("http://127.0.0.1:9"), UseImplicitToken = false, MaxRetries = 0 });

    public void Dispose() => _client.Dispose();

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    public async Task Sleep_time_must_be_positive_or_infinite(int seconds)
    {
        var error = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => _client.SetSleepTimeAsync("alice/demo", TimeSpan.FromSeconds(seconds)));

        Assert.Equal("sleepTime", error.ParamName);
        Assert.StartsWith("A sleep time must be positive, or Timeout.InfiniteTimeSpan to never sleep.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sleep_time_must_be_whole_seconds()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => _client.RequestHardwareAsync("alice/demo", SpaceHardware.T4Small, TimeSpan.FromMilliseconds(1500)));

        Assert.StartsWith("A sleep time is sent in whole seconds; 00:00:01.5000000 has a fraction of a second.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Infinite_sleep_time_is_minus_one_on_the_wire()
    {
        Assert.Equal(-1, HfSpacesClient.Seconds(Timeout.InfiniteTimeSpan, "sleepTime"));
        Assert.Equal(172800, HfSpacesClient.Seconds(TimeSpan.FromHours(48), "sleepTime"));
    }

    [Fact]
    public async Task Default_hardware_is_rejected_with_the_fix()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => _client.RequestHardwareAsync("alice/demo", default));

        Assert.StartsWith("hardware is the default value; use a SpaceHardware member or new SpaceHardware(\"flavor\").", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Secret_values_never_appear_in_ToString()
    {
        var secret = new SpaceSecretValue("API_KEY", "sk-very-secret");

        Assert.Equal("API_KEY=***", secret.ToString());
        var options = new DuplicateSpaceOptions { Secrets = [secret] };
        Assert.DoesNotContain("sk-very-secret", string.Join(",", options.Secrets!), StringComparison.Ordinal);
    }

    [Fact]
    public void Negative_retry_settings_are_rejected_when_the_client_is_built()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new HfSpacesClient(new HfSpacesClientOptions { MaxRetries = -1, UseImplicitToken = false }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new HfSpacesClient(new HfSpacesClientOptions { RetryDelay = TimeSpan.FromSeconds(-1), UseImplicitToken = false }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new HfSpacesClient(new HfSpacesClientOptions { PerTryTimeout = TimeSpan.Zero, UseImplicitToken = false }));
    }

    [Fact]
    public async Task The_client_can_be_mocked_through_its_protected_constructor()
    {
        HfSpacesClient client = new FakeClient();

        var runtime = await client.GetRuntimeAsync("alice/demo");

        Assert.Equal(SpaceStage.Paused, runtime.Stage);
        Assert.Null(runtime.Hardware);
        Assert.Equal(TimeSpan.Zero, client.RateLimitResetsIn); // a mock has no connection: what a fleet display reads must not throw
        Assert.Null(client.Endpoint);
        client.Dispose();
    }

    private sealed class FakeClient() : HfSpacesClient(forMocking: true)
    {
        public override Task<SpaceRuntime> GetRuntimeAsync(SpaceId space, CancellationToken cancellationToken = default) =>
            Task.FromResult(new SpaceRuntime { Stage = SpaceStage.Paused });
    }
}
