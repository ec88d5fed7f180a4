using HfSpaces.Http;

namespace HfSpaces.Tests;

public sealed class LinkHeaderTests
{
    [Theory]
    [InlineData("<https://huggingface.co/api/spaces?cursor=abc>; rel=\"next\"", "https://huggingface.co/api/spaces?cursor=abc")]
    [InlineData("<https://h/api/spaces?a=1,2>; rel=\"prev\", <https://h/api/spaces?p=3>; rel=\"next\"", "https://h/api/spaces?p=3")]
    [InlineData("</api/spaces?p=2>;rel=next", "/api/spaces?p=2")]
    [InlineData("<https://h/x>; title=\"a;b\"; rel=\"prev next\"", "https://h/x")]
    [InlineData("< https://h/x >; REL=\"Next\"", "https://h/x")]
    [InlineData("<https://h/x>; rel=\"prev\"", null)]
    [InlineData("<https://h/x>; rel=\"nextpage\"", null)]
    [InlineData("<https://h/x; rel=\"next\"", null)]
    [InlineData("garbage", null)]
    public void Finds_the_next_link(string header, string? expected)
    {
        using var response = new HttpResponseMessage();
        response.Headers.TryAddWithoutValidation("Link", header);

        Assert.Equal(expected, LinkHeader.Next(response));
    }

    [Fact]
    public void No_link_header_is_no_next_page()
    {
        using var response = new HttpResponseMessage();

        Assert.Null(LinkHeader.Next(response));
    }
}
