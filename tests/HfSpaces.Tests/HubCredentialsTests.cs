using HfSpaces.Auth;

namespace HfSpaces.Tests;

public sealed class HubCredentialsTests : IDisposable
{
    private readonly string _home = Directory.CreateTempSubdirectory("hfspaces-home-").FullName;
    private readonly Dictionary<string, string> _environment = new(StringComparer.Ordinal);

    public void Dispose() => Directory.Delete(_home, recursive: true);

    private HfSpacesClientOptions Options(string? token = null, Uri? endpoint = null) => new()
    {
        Token = token,
        Endpoint = endpoint,
        GetEnvironmentVariable = name => _environment.GetValueOrDefault(name),
        GetHomeDirectory = () => _home,
    };

    private void WriteTokenFile(string relativePath, string content)
    {
        var path = Path.Combine(_home, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
    }

    [Fact]
    public void Defaults_to_the_public_hub_without_a_token()
    {
        var credentials = HubCredentials.Resolve(Options());

        Assert.Equal(new Uri("https://huggingface.co"), credentials.Endpoint);
        Assert.Null(credentials.Token);
        Assert.Equal("none (no HF_TOKEN and no token file)", credentials.TokenSource);
    }

    [Fact]
    public void HF_ENDPOINT_is_used_without_its_trailing_slash()
    {
        _environment["HF_ENDPOINT"] = "https://hub-ci.huggingface.co/";

        Assert.Equal("https://hub-ci.huggingface.co/", HubCredentials.Resolve(Options()).Endpoint.ToString());
    }

    [Theory]
    [InlineData("ftp://example.com", "HF_ENDPOINT 'ftp://example.com' is not an absolute http(s) URL.")]
    [InlineData("not a url", "HF_ENDPOINT 'not a url' is not an absolute http(s) URL.")]
    public void A_bad_HF_ENDPOINT_is_rejected(string value, string message)
    {
        _environment["HF_ENDPOINT"] = value;

        var error = Assert.Throws<ArgumentException>(() => HubCredentials.Resolve(Options()));

        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Explicit_token_wins_and_is_trimmed()
    {
        _environment["HF_TOKEN"] = "hf_env";

        var credentials = HubCredentials.Resolve(Options(token: "  hf_explicit\n"));

        Assert.Equal("hf_explicit", credentials.Token);
        Assert.Equal("HfSpacesClientOptions.Token", credentials.TokenSource);
    }

    [Fact]
    public void HF_TOKEN_wins_over_the_legacy_variable_and_the_file()
    {
        _environment["HF_TOKEN"] = "hf_env";
        _environment["HUGGING_FACE_HUB_TOKEN"] = "hf_legacy";
        WriteTokenFile(".cache/huggingface/token", "hf_file");

        var credentials = HubCredentials.Resolve(Options());

        Assert.Equal("hf_env", credentials.Token);
        Assert.Equal("HF_TOKEN", credentials.TokenSource);
    }

    [Fact]
    public void The_default_token_file_is_read_when_no_variable_is_set()
    {
        WriteTokenFile(".cache/huggingface/token", "hf_file\r\n");

        var credentials = HubCredentials.Resolve(Options());

        Assert.Equal("hf_file", credentials.Token);
        Assert.Equal($"the token file {Path.Combine(_home, ".cache", "huggingface", "token")}", credentials.TokenSource);
    }

    [Fact]
    public void XDG_CACHE_HOME_moves_the_default_token_file_and_HF_HOME_wins_over_it()
    {
        WriteTokenFile("xdg/huggingface/token", "hf_xdg");
        _environment["XDG_CACHE_HOME"] = Path.Combine(_home, "xdg");
        var credentials = HubCredentials.Resolve(Options());
        Assert.Equal(("hf_xdg", $"the token file {Path.Combine(_home, "xdg", "huggingface", "token")}"), (credentials.Token, credentials.TokenSource));

        WriteTokenFile("custom-home/token", "hf_home");
        _environment["HF_HOME"] = Path.Combine(_home, "custom-home");
        Assert.Equal("hf_home", HubCredentials.Resolve(Options()).Token);
    }

    [Fact]
    public void HF_HOME_and_HF_TOKEN_PATH_move_the_token_file()
    {
        WriteTokenFile("custom-home/token", "hf_home");
        _environment["HF_HOME"] = Path.Combine(_home, "custom-home");
        Assert.Equal("hf_home", HubCredentials.Resolve(Options()).Token);

        WriteTokenFile("elsewhere/my-token", "hf_path");
        _environment["HF_TOKEN_PATH"] = Path.Combine(_home, "elsewhere", "my-token");
        Assert.Equal("hf_path", HubCredentials.Resolve(Options()).Token);
    }

    [Theory]
    [InlineData("1")]
    [InlineData("true")]
    [InlineData("YES")]
    public void HF_HUB_DISABLE_IMPLICIT_TOKEN_ignores_environment_tokens(string value)
    {
        _environment["HF_TOKEN"] = "hf_env";
        _environment["HF_HUB_DISABLE_IMPLICIT_TOKEN"] = value;

        Assert.Null(HubCredentials.Resolve(Options()).Token);
    }

    [Fact]
    public void An_empty_explicit_token_is_an_error()
    {
        var error = Assert.Throws<ArgumentException>(() => HubCredentials.Resolve(Options(token: " ")));

        Assert.StartsWith("Token is empty; leave it null to use HF_TOKEN or the token file.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_token_is_never_sent_over_plain_http_to_a_remote_host()
    {
        var error = Assert.Throws<ArgumentException>(() => HubCredentials.Resolve(Options(token: "hf_x", endpoint: new Uri("http://hub.example.com"))));

        Assert.StartsWith("Refusing to send a token over plain http to 'hub.example.com': use https, or a loopback address for an emulator.", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("hf_x", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Plain_http_is_fine_on_loopback()
    {
        Assert.Equal("hf_x", HubCredentials.Resolve(Options(token: "hf_x", endpoint: new Uri("http://127.0.0.1:5000"))).Token);
    }

    [Fact]
    public void Options_ToString_never_shows_the_token()
    {
        var text = Options(token: "hf_supersecret").ToString();

        Assert.DoesNotContain("hf_supersecret", text, StringComparison.Ordinal);
        Assert.Contains("Token = ***", text, StringComparison.Ordinal);
    }
}
