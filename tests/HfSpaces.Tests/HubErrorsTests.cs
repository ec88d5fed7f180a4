using System.Net;
using System.Text;
using HfSpaces.Http;

namespace HfSpaces.Tests;

public sealed class HubErrorsTests
{
    private static HfSpacesException Map(HttpStatusCode status, string? body, string? contentType = "application/json", params (string, string)[] headers)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "https://huggingface.co/api/spaces/alice/demo/runtime");
        using var response = new HttpResponseMessage(status) { Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body ?? string.Empty)) };
        if (contentType is not null)
        {
            response.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);
        }

        foreach (var (name, value) in headers)
        {
            response.Headers.TryAddWithoutValidation(name, value);
        }

        return HubErrors.FromResponse(request, response, Encoding.UTF8.GetBytes(body ?? string.Empty), "HF_TOKEN");
    }

    [Fact]
    public void Header_and_body_messages_are_joined_without_duplicates()
    {
        var error = Map(HttpStatusCode.BadRequest, """{"error":"Invalid flavor"}""", "application/json", ("X-Error-Message", "Invalid flavor"));

        Assert.Equal("Invalid flavor", error.ServerMessage);
    }

    [Fact]
    public void Error_lists_oauth_descriptions_and_errors_arrays_are_all_read()
    {
        Assert.Equal("a\nb", Map(HttpStatusCode.BadRequest, """{"error":["a","b"]}""").ServerMessage);
        Assert.Equal("invalid_grant: token expired", Map(HttpStatusCode.BadRequest, """{"error":"invalid_grant","error_description":"token expired"}""").ServerMessage);
        Assert.Equal("x\ny", Map(HttpStatusCode.BadRequest, """{"errors":[{"message":"x"},{"message":"y"}]}""").ServerMessage);
    }

    [Fact]
    public void Html_bodies_are_not_used_as_messages()
    {
        Assert.Null(Map(HttpStatusCode.BadGateway, "<!DOCTYPE html><html>Bad gateway</html>", "text/html").ServerMessage);
        Assert.Null(Map(HttpStatusCode.BadGateway, "  <html>no content type</html>", null).ServerMessage);
    }

    [Fact]
    public void The_request_id_falls_back_to_the_amazon_trace_headers()
    {
        Assert.Equal("Root=1-abc", Map(HttpStatusCode.InternalServerError, null, null, ("X-Amzn-Trace-Id", "Root=1-abc")).RequestId);
        Assert.Equal("cf-1", Map(HttpStatusCode.InternalServerError, null, null, ("X-Amz-Cf-Id", "cf-1")).RequestId);
    }

    [Fact]
    public void RepoNotFound_on_another_status_is_not_found()
    {
        Assert.IsType<HfSpacesNotFoundException>(Map(HttpStatusCode.BadRequest, null, null, ("X-Error-Code", "RepoNotFound")));
    }

    [Fact]
    public void Retry_after_in_seconds_is_read()
    {
        var error = Assert.IsType<HfSpacesRateLimitedException>(Map(HttpStatusCode.TooManyRequests, null, null, ("Retry-After", "7")));

        Assert.Equal(TimeSpan.FromSeconds(7), error.RetryAfter);
    }

    [Fact]
    public void A_status_dotnet_does_not_name_is_shown_as_a_number_only()
    {
        var error = Map((HttpStatusCode)499, """{"error":"client closed request"}""");

        Assert.Equal("GET /api/spaces/alice/demo/runtime answered 499: client closed request.", error.Message);
    }

    [Fact]
    public void A_long_text_body_is_truncated()
    {
        var error = Map(HttpStatusCode.InternalServerError, new string('x', 5000), "text/plain");

        Assert.Equal(2001, error.ServerMessage!.Length);
        Assert.EndsWith("…", error.ServerMessage, StringComparison.Ordinal);
    }
}
