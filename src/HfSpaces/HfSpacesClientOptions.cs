using Microsoft.Extensions.Logging;

namespace HfSpaces;

/// <summary>
/// Settings of an <see cref="HfSpacesClient"/>. Every setting has a default that matches <c>huggingface_hub</c>:
/// endpoint from <c>HF_ENDPOINT</c> (else https://huggingface.co), token from <c>HF_TOKEN</c> or the token file.
/// </summary>
public sealed class HfSpacesClientOptions
{
    /// <summary>The Hub's public endpoint.</summary>
    public static readonly Uri DefaultEndpoint = new("https://huggingface.co");

    /// <summary>
    /// The Hub to talk to. Null: <c>HF_ENDPOINT</c> when set (trailing '/' removed), else <see cref="DefaultEndpoint"/>.
    /// Plain http is accepted only for loopback hosts (emulators, tests) when a token is in use.
    /// </summary>
    public Uri? Endpoint { get; set; }

    /// <summary>
    /// The access token (<c>hf_…</c>). Null: <c>HF_TOKEN</c>, then <c>HUGGING_FACE_HUB_TOKEN</c>, then the token file
    /// (<c>HF_TOKEN_PATH</c>, else <c>$HF_HOME/token</c>, else <c>~/.cache/huggingface/token</c>), unless
    /// <see cref="UseImplicitToken"/> is false. The token is only ever sent to <see cref="Endpoint"/>'s host.
    /// </summary>
    public string? Token { get; set; }

    /// <summary>When false, no token is read from the environment or the token file (as <c>HF_HUB_DISABLE_IMPLICIT_TOKEN</c>).</summary>
    public bool UseImplicitToken { get; set; } = true;

    /// <summary>Prepended to the User-Agent, e.g. <c>MyApp/1.2</c>, so the Hub's logs name your application.</summary>
    public string? ApplicationId { get; set; }

    /// <summary>How many times a failed attempt is retried: connection failures, 429, 502, 503, 504 (writes only on 429 and connection refusals). Default 3; 0 disables retries.</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>The first retry delay; doubled for each further retry, with jitter. A server's Retry-After wins when longer.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>The longest delay the client will wait before a retry (also caps Retry-After). Default 30 s.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Time allowed for one attempt (until the whole response is read; for log streams, until the headers arrive). Default 100 s.</summary>
    public TimeSpan PerTryTimeout { get; set; } = TimeSpan.FromSeconds(100);

    /// <summary>Receives one event per request (method, path, status, duration). Tokens and secret values are never logged.</summary>
    public ILoggerFactory? LoggerFactory { get; set; }

    /// <summary>The clock used for delays and waits; tests can pass a fake one.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Reads an environment variable; replaceable in tests.</summary>
    internal Func<string, string?> GetEnvironmentVariable { get; set; } = Environment.GetEnvironmentVariable;

    /// <summary>The home folder used for <c>~/.cache/huggingface</c>; replaceable in tests.</summary>
    internal Func<string> GetHomeDirectory { get; set; } = () => Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);

    /// <summary>Never shows the token.</summary>
    public override string ToString() =>
        $"HfSpacesClientOptions {{ Endpoint = {Endpoint?.ToString() ?? "(HF_ENDPOINT or default)"}, Token = {(Token is null ? "(implicit)" : "***")}, MaxRetries = {MaxRetries}, PerTryTimeout = {PerTryTimeout} }}";
}
