using System.Net;
using HfSpaces.Http;
using HfSpaces.Resilience;

namespace HfSpaces.Tests;

/// <summary><see cref="HfSpacesException.IsTransient"/> is what the retry policy retries for a read — no more, no less.</summary>
public sealed class TransienceTests
{
    [Theory]
    [InlineData("NotConnected", null, true)]
    [InlineData("Timeout", null, true)]
    [InlineData("Transport", null, true)]
    [InlineData("Status", 429, true)]
    [InlineData("Status", 502, true)]
    [InlineData("Status", 503, true)]
    [InlineData("Status", 504, true)]
    [InlineData("Status", 500, false)]
    [InlineData("Status", 404, false)]
    [InlineData("Status", 409, false)]
    [InlineData("Unreadable", 200, false)] // a body over the size bound, corrupt gzip, not JSON
    [InlineData("Unreadable", null, false)]
    [InlineData("BodyFailed", null, false)] // a file changed while it was sent
    public void IsTransient_says_what_a_read_is_retried_on(string failure, int? status, bool transient)
    {
        var details = HfSpacesModelFactory.ErrorDetails("GET", "/api/spaces/alice/demo/runtime", (HttpStatusCode?)status);
        var error = new HfSpacesException("x", details) { Failure = Enum.Parse<HubFailure>(failure) };

        Assert.Equal(transient, error.IsTransient);
        Assert.Equal(transient, RetryHandler.ShouldRetry(error, idempotent: true));
    }

    [Theory]
    [InlineData("NotConnected", null, true)] // nothing reached the Hub
    [InlineData("Status", 429, true)] // the Hub did nothing
    [InlineData("Status", 503, false)]
    [InlineData("Timeout", null, false)]
    [InlineData("Transport", null, false)]
    public void A_write_that_is_not_idempotent_is_sent_again_only_when_the_Hub_did_nothing(string failure, int? status, bool retried)
    {
        var error = new HfSpacesException("x", HfSpacesModelFactory.ErrorDetails("POST", "/api/spaces/alice/demo/restart", (HttpStatusCode?)status)) { Failure = Enum.Parse<HubFailure>(failure) };

        Assert.Equal(retried, RetryHandler.ShouldRetry(error, idempotent: false));
    }

    [Theory]
    [InlineData(500, false, true)] // storage's transient 500, to a presigned upload
    [InlineData(500, true, false)] // the Hub's 500: not sent again
    [InlineData(404, false, false)]
    public void A_presigned_upload_is_sent_again_after_storages_500(int status, bool hub, bool retried)
    {
        var error = new HfSpacesException("x", HfSpacesModelFactory.ErrorDetails("PUT", "/storage/part", (System.Net.HttpStatusCode)status)) { Failure = HubFailure.Status };

        Assert.Equal(retried, RetryHandler.ShouldRetry(error, idempotent: true, presigned: !hub));
    }

    [Theory]
    [InlineData(429, typeof(HfSpacesRateLimitedException), true)]
    [InlineData(404, typeof(HfSpacesNotFoundException), false)]
    [InlineData(412, typeof(HfSpacesConflictException), false)]
    [InlineData(503, typeof(HfSpacesException), true)]
    public void The_model_factory_builds_the_exception_the_client_would_throw(int status, Type type, bool transient)
    {
        var error = HfSpacesModelFactory.HubError((HttpStatusCode)status, serverMessage: "nope");

        Assert.IsType(type, error);
        Assert.Equal(transient, error.IsTransient);
        Assert.Equal("GET /api/spaces/alice/demo/runtime answered " + status + ": nope", error.Message);
    }
}
