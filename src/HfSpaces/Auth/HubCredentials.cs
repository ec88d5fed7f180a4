namespace HfSpaces.Auth;

/// <summary>Resolves the endpoint and the token the way <c>huggingface_hub</c> does, once, when the client is built.</summary>
internal sealed class HubCredentials
{
    private HubCredentials(Uri endpoint, string? token, string tokenSource)
    {
        Endpoint = endpoint;
        Token = token;
        TokenSource = tokenSource;
    }

    public Uri Endpoint { get; }

    /// <summary>The token; never logged, never part of a message.</summary>
    public string? Token { get; }

    /// <summary>Where the token came from ("HF_TOKEN", "the token file ~/.cache/huggingface/token", "none"), for error messages.</summary>
    public string TokenSource { get; }

    public static HubCredentials Resolve(HfSpacesClientOptions options)
    {
        var endpoint = ResolveEndpoint(options);
        var (token, source) = ResolveToken(options);
        if (token is not null && endpoint.Scheme == Uri.UriSchemeHttp && !endpoint.IsLoopback)
        {
            throw new ArgumentException(
                $"Refusing to send a token over plain http to '{endpoint.Host}': use https, or a loopback address for an emulator.",
                nameof(options));
        }

        return new HubCredentials(endpoint, token, source);
    }

    private static Uri ResolveEndpoint(HfSpacesClientOptions options)
    {
        var raw = options.Endpoint?.ToString() ?? options.GetEnvironmentVariable("HF_ENDPOINT");
        if (string.IsNullOrWhiteSpace(raw))
        {
            return HfSpacesClientOptions.DefaultEndpoint;
        }

        var origin = options.Endpoint is null ? "HF_ENDPOINT" : "Endpoint";
        if (!Uri.TryCreate(raw.Trim().TrimEnd('/'), UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            throw new ArgumentException($"{origin} '{raw}' is not an absolute http(s) URL.", nameof(options));
        }

        if (!string.IsNullOrEmpty(uri.Query) || !string.IsNullOrEmpty(uri.Fragment))
        {
            throw new ArgumentException($"{origin} '{raw}' must not have a query or a fragment.", nameof(options));
        }

        return uri;
    }

    private static (string? Token, string Source) ResolveToken(HfSpacesClientOptions options)
    {
        if (options.Token is not null)
        {
            var explicitToken = Clean(options.Token, "HfSpacesClientOptions.Token");
            return explicitToken is null
                ? throw new ArgumentException("Token is empty; leave it null to use HF_TOKEN or the token file.", nameof(options))
                : (explicitToken, "HfSpacesClientOptions.Token");
        }

        if (!options.UseImplicitToken || IsTruthy(options.GetEnvironmentVariable("HF_HUB_DISABLE_IMPLICIT_TOKEN")))
        {
            return (null, "none (implicit tokens are disabled)");
        }

        foreach (var variable in new[] { "HF_TOKEN", "HUGGING_FACE_HUB_TOKEN" })
        {
            if (Clean(options.GetEnvironmentVariable(variable), variable) is { } fromEnvironment)
            {
                return (fromEnvironment, variable);
            }
        }

        var path = options.GetEnvironmentVariable("HF_TOKEN_PATH");
        if (string.IsNullOrWhiteSpace(path))
        {
            // As huggingface_hub: HF_HOME, else $XDG_CACHE_HOME/huggingface, else ~/.cache/huggingface.
            var home = options.GetEnvironmentVariable("HF_HOME");
            if (string.IsNullOrWhiteSpace(home))
            {
                var cache = options.GetEnvironmentVariable("XDG_CACHE_HOME");
                home = Path.Combine(string.IsNullOrWhiteSpace(cache) ? Path.Combine(options.GetHomeDirectory(), ".cache") : cache, "huggingface");
            }

            path = Path.Combine(home, "token");
        }

        try
        {
            if (File.Exists(path) && Clean(File.ReadAllText(path), $"the token file {path}") is { } fromFile)
            {
                return (fromFile, $"the token file {path}");
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // An unreadable token file is the same as none: anonymous calls still work, and a 401 says what is missing.
        }

        return (null, "none (no HF_TOKEN and no token file)");
    }

    /// <summary>
    /// Trims the token like huggingface_hub, then refuses any control or non-ASCII character: a CR/LF would split the
    /// Authorization header and smuggle a second request. The message names the source and the position, never the token.
    /// </summary>
    private static string? Clean(string? token, string source)
    {
        var trimmed = token?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return null;
        }

        var bad = trimmed.AsSpan().IndexOfAnyExceptInRange('\u0021', '\u007e');
        if (bad >= 0)
        {
            var what = char.IsControl(trimmed[bad]) ? $"a control character (U+{(int)trimmed[bad]:X4})" : trimmed[bad] == ' ' ? "a space" : "a non-ASCII character";
            throw new ArgumentException(
                $"The token from {source} has {what} at position {bad + 1} of {trimmed.Length}; a Hub token is printable ASCII (hf_…). Check how it was written there.",
                "options");
        }

        return trimmed;
    }

    private static bool IsTruthy(string? value) =>
        value?.Trim().ToUpperInvariant() is "1" or "ON" or "YES" or "TRUE";
}
