using System.Runtime.CompilerServices;
using System.Text.Json;
using HfSpaces.Generated;
using HfSpaces.Generated.Api.Spaces.Item.Item;
using HfSpaces.Http;
using HfSpaces.Mapping;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Http.HttpClientLibrary;
using Wire = HfSpaces.Generated.Models;

namespace HfSpaces;

/// <summary>
/// Manages Hugging Face Spaces at run time: runtime, hardware, sleep time, pause/restart, waiting, logs, secrets,
/// variables, duplicate, storage, dev mode, volumes and the hardware catalog. Thread-safe; create one and reuse it.
/// Every failure is an <see cref="HfSpacesException"/> (or a subclass); bad arguments throw <see cref="ArgumentException"/>
/// before anything is sent. Methods are virtual so tests can mock the client.
/// </summary>
public partial class HfSpacesClient : IDisposable
{
    private readonly HttpClient _http = null!;
    private readonly HttpClientRequestAdapter _adapter = null!;
    private readonly HfSpacesApiClient _api = null!;
    private readonly Uri _endpoint = null!;
    private readonly TimeProvider _clock = TimeProvider.System;
    private readonly RateLimitGate? _gate;

    /// <summary>Creates a client with the default settings (HF_ENDPOINT, HF_TOKEN or the token file).</summary>
    public HfSpacesClient()
        : this(null, null)
    {
    }

    /// <summary>Creates a client with its own connection pool.</summary>
    /// <exception cref="ArgumentException">The endpoint is not an absolute http(s) URL, or a token would be sent over plain http to a non-loopback host.</exception>
    public HfSpacesClient(HfSpacesClientOptions? options)
        : this(null, options)
    {
    }

    /// <summary>
    /// Creates a client that sends through a caller-owned <see cref="HttpClient"/>, which is not disposed with the client.
    /// The SDK's handlers (retries, timeouts, authentication, redirects, error mapping) run in front of it, so the caller's
    /// client should not follow redirects itself. Its BaseAddress is ignored; its Timeout, if not infinite, cuts each attempt
    /// (and a log stream) short, so prefer <c>Timeout.InfiniteTimeSpan</c> and <see cref="HfSpacesClientOptions.PerTryTimeout"/>.
    /// </summary>
    public HfSpacesClient(HttpClient? httpClient, HfSpacesClientOptions? options = null)
    {
        options ??= new HfSpacesClientOptions();
        var credentials = Auth.HubCredentials.Resolve(options);
        _gate = new RateLimitGate(options.TimeProvider);
        _http = HubPipeline.CreateClient(httpClient, options, credentials, _gate);
        _endpoint = credentials.Endpoint;
        _clock = options.TimeProvider;
        _adapter = CreateAdapter(_http, credentials.Endpoint);
        _api = new HfSpacesApiClient(_adapter);
    }

    /// <summary>On an <see cref="HttpClient"/> from the DI registration, whose handlers already include the SDK's chain.</summary>
    internal HfSpacesClient(HttpClient pipelineClient, Uri endpoint, TimeProvider clock, RateLimitGate? gate = null)
    {
        _gate = gate;
        _http = pipelineClient;
        _endpoint = endpoint;
        _clock = clock;
        _adapter = CreateAdapter(pipelineClient, endpoint);
        _api = new HfSpacesApiClient(_adapter);
    }

    private static HttpClientRequestAdapter CreateAdapter(HttpClient http, Uri endpoint) =>
        new(new AnonymousAuthenticationProvider(), httpClient: http) { BaseUrl = endpoint.ToString().TrimEnd('/') };

    /// <summary>For mocking frameworks only: every method of an instance made this way must be overridden.</summary>
    protected HfSpacesClient(bool forMocking)
    {
        _ = forMocking;
    }

    /// <summary>The Hub this client talks to.</summary>
    public virtual Uri Endpoint => _endpoint;

    /// <summary>
    /// How long until the Hub's rate limit lets this client's calls through again: zero, unless a 429 or a spent
    /// <c>RateLimit</c> budget made every call of the client wait (progress displays show it).
    /// </summary>
    public virtual TimeSpan RateLimitResetsIn => _gate?.Remaining ?? TimeSpan.Zero;

    /// <summary>Reads the Space's runtime (<c>GET /api/spaces/{id}/runtime</c>).</summary>
    /// <exception cref="HfSpacesNotFoundException">No such Space, or the token cannot see it.</exception>
    public virtual async Task<SpaceRuntime> GetRuntimeAsync(SpaceId space, CancellationToken cancellationToken = default)
    {
        var info = Request(Requests.Runtime, space);
        return await RuntimeAsync(info, HubRequestOption.GetRuntime, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Requests a hardware flavor; the Space rebuilds on it. Any flavor is sent as given, including ones this SDK does not
    /// know (<c>new SpaceHardware("h200x8")</c>): the Hub decides.
    /// </summary>
    /// <param name="space">The Space.</param>
    /// <param name="hardware">The flavor.</param>
    /// <param name="sleepTime">Optional inactivity delay before sleep, whole seconds; <see cref="Timeout.InfiniteTimeSpan"/> for never. Ignored by the Hub on cpu-basic (fixed 48 h).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="HfSpacesForbiddenException">Only the owner can change hardware.</exception>
    public virtual async Task<SpaceRuntime> RequestHardwareAsync(SpaceId space, SpaceHardware hardware, TimeSpan? sleepTime = null, CancellationToken cancellationToken = default)
    {
        var body = new Wire.HardwareRequest
        {
            Flavor = Required(hardware.ToString(), nameof(hardware), "a SpaceHardware member or new SpaceHardware(\"flavor\")"),
            SleepTimeSeconds = sleepTime is { } s ? Seconds(s, nameof(sleepTime)) : null,
        };
        var info = Request(Requests.Hardware, space, body);
        return await RuntimeAsync(info, HubRequestOption.RequestHardware, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Sets the inactivity delay before the Space sleeps (<c>POST …/sleeptime</c>); only upgraded hardware can change it.</summary>
    /// <param name="space">The Space.</param>
    /// <param name="sleepTime">Whole seconds, positive; <see cref="Timeout.InfiniteTimeSpan"/> for never.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The runtime the Hub reports after the change: read <see cref="SpaceRuntime.SleepTime"/> to see what it applied.</returns>
    public virtual async Task<SpaceRuntime> SetSleepTimeAsync(SpaceId space, TimeSpan sleepTime, CancellationToken cancellationToken = default)
    {
        var body = new Wire.SleepTimeRequest { Seconds = Seconds(sleepTime, nameof(sleepTime)) };
        var info = Request(Requests.SleepTime, space, body);
        return await RuntimeAsync(info, HubRequestOption.SetSleepTime, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Pauses the Space (stage PAUSED, not billed). Only the owner can; static Spaces answer 400. <see cref="RestartAsync"/> un-pauses.</summary>
    public virtual async Task<SpaceRuntime> PauseAsync(SpaceId space, CancellationToken cancellationToken = default)
    {
        var info = Request(Requests.Pause, space);
        return await RuntimeAsync(info, HubRequestOption.Pause, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Restarts the Space (also un-pauses it). A factory reboot rebuilds without cache. Not retried on server errors: a restart is not idempotent.</summary>
    public virtual async Task<SpaceRuntime> RestartAsync(SpaceId space, bool factoryReboot = false, CancellationToken cancellationToken = default)
    {
        var info = factoryReboot
            ? Space(space).Restart.ToPostRequestInformation(static c => c.QueryParameters.Factory = true)
            : Request(Requests.Restart, space);
        return await RuntimeAsync(info, HubRequestOption.Restart, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Streams the Space's run (or build) logs. Keep-alives are skipped. Without <see cref="SpaceLogOptions.Follow"/> the
    /// sequence ends once the Hub has been silent for <see cref="SpaceLogOptions.IdleTimeout"/>; with it, when the stream ends
    /// or <paramref name="cancellationToken"/> is cancelled.
    /// </summary>
    public virtual IAsyncEnumerable<SpaceLogLine> StreamLogsAsync(SpaceId space, SpaceLogOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new SpaceLogOptions();
        var type = Required(options.Type.ToString(), nameof(options), "SpaceLogType.Run or SpaceLogType.Build");
        if (options.Tail is < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.Tail, "SpaceLogOptions.Tail cannot be negative.");
        }

        if (!options.Follow && options.IdleTimeout <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.IdleTimeout, "SpaceLogOptions.IdleTimeout must be positive.");
        }

        var info = Space(space).Logs[type].ToGetRequestInformation(c => c.QueryParameters.Tail = options.Tail);
        return ReadLogsAsync(info, options.Follow ? null : options.IdleTimeout, cancellationToken);
    }

    private async IAsyncEnumerable<SpaceLogLine> ReadLogsAsync(RequestInformation info, TimeSpan? idleTimeout, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var response = await ExchangeAsync(info, HubRequestOption.StreamLogs, cancellationToken).ConfigureAwait(false);
        var path = info.URI.AbsolutePath;
        var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            await foreach (var line in SpaceLogReader.ReadAsync(stream, path, idleTimeout, _clock, cancellationToken).ConfigureAwait(false))
            {
                yield return line;
            }
        }
    }

    /// <summary>Lists the Space's secrets: names, descriptions and update times — the Hub never returns values.</summary>
    public virtual async Task<IReadOnlyDictionary<string, SpaceSecret>> ListSecretsAsync(SpaceId space, CancellationToken cancellationToken = default)
    {
        var info = Request(Requests.Secrets, space);
        return await SendAsync(info, HubRequestOption.ListSecrets, HubModels.ToSecrets, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Adds or replaces a secret. The value is sent once and never logged or shown in errors.</summary>
    /// <exception cref="ArgumentException">The key is empty or blank.</exception>
    public virtual async Task SetSecretAsync(SpaceId space, string key, string value, string? description = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        ArgumentNullException.ThrowIfNull(value);
        var body = new Wire.SpaceSecretUpsert { Key = key, Value = value, Description = description };
        var info = Request(Requests.SetSecret, space, body);
        await SendAsync(info, HubRequestOption.SetSecret, static _ => true, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Deletes a secret. Deleting a key that does not exist succeeds, as on the Hub.</summary>
    public virtual async Task DeleteSecretAsync(SpaceId space, string key, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        var info = Request(Requests.DeleteSecret, space, new Wire.SpaceKeyReference { Key = key });
        await SendAsync(info, HubRequestOption.DeleteSecret, static _ => true, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Lists the Space's variables with their values.</summary>
    public virtual async Task<IReadOnlyDictionary<string, SpaceVariable>> ListVariablesAsync(SpaceId space, CancellationToken cancellationToken = default)
    {
        var info = Request(Requests.Variables, space);
        return await SendAsync(info, HubRequestOption.ListVariables, HubModels.ToVariables, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Adds or replaces a variable.</summary>
    /// <returns>All the Space's variables after the change.</returns>
    public virtual async Task<IReadOnlyDictionary<string, SpaceVariable>> SetVariableAsync(SpaceId space, string key, string value, string? description = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        ArgumentNullException.ThrowIfNull(value);
        var info = Request(Requests.SetVariable, space, new Wire.SpaceVariableUpsert { Key = key, Value = value, Description = description });
        return await SendAsync(info, HubRequestOption.SetVariable, HubModels.ToVariables, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Deletes a variable; an unknown key succeeds, as on the Hub.</summary>
    /// <returns>All the Space's variables after the change.</returns>
    public virtual async Task<IReadOnlyDictionary<string, SpaceVariable>> DeleteVariableAsync(SpaceId space, string key, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        var info = Request(Requests.DeleteVariable, space, new Wire.SpaceKeyReference { Key = key });
        return await SendAsync(info, HubRequestOption.DeleteVariable, HubModels.ToVariables, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Duplicates a Space. <paramref name="target"/> is <c>namespace/name</c>, a bare name (in the token owner's namespace), or
    /// null (the source's name in the token owner's namespace); the owner is read from <c>/api/whoami-v2</c> when needed.
    /// </summary>
    /// <exception cref="HfSpacesConflictException">The target exists and <see cref="DuplicateSpaceOptions.ExistOk"/> is false.</exception>
    public virtual async Task<SpaceDuplicate> DuplicateAsync(SpaceId source, string? target = null, DuplicateSpaceOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new DuplicateSpaceOptions();
        var from = Space(source);
        var body = new Wire.DuplicateSpaceRequest
        {
            Visibility = Optional(options.Visibility, nameof(options.Visibility)),
            Hardware = Optional(options.Hardware, nameof(options.Hardware)),
            StorageTier = Optional(options.Storage, nameof(options.Storage)),
            SleepTimeSeconds = options.SleepTime is { } s ? Seconds(s, nameof(options.SleepTime)) : null,
            Secrets = HubModels.FromSecrets(options.Secrets),
            Variables = HubModels.FromVariables(options.Variables),
            Volumes = HubModels.FromVolumes(options.Volumes),
        };

        SpaceId to;
        if (target is not null && target.Contains('/', StringComparison.Ordinal))
        {
            to = SpaceId.Parse(target);
        }
        else
        {
            if (target is not null && SpaceId.Validate("namespace", target) is { } error)
            {
                throw new ArgumentException(error, nameof(target));
            }

            var owner = await WhoAmIAsync(cancellationToken).ConfigureAwait(false);
            to = new SpaceId(owner.Name, target ?? source.Name);
        }

        if (to == source)
        {
            throw new ArgumentException($"Duplicating {source} onto itself: name a target (namespace/name, or a new name in your namespace).", nameof(target));
        }

        body.Repository = to.ToString();
        var (url, existed) = await MakeSpaceAsync(from.Duplicate.ToPostRequestInformation(body), HubRequestOption.Duplicate, to, options.ExistOk, cancellationToken).ConfigureAwait(false);
        return new SpaceDuplicate(to, url, existed);
    }

    /// <summary>
    /// Sends a request that makes a Space (create, duplicate) and returns its URL as the Hub answers it — with
    /// <paramref name="existOk"/>, a 409 is the Space that exists, its URL read from the 409 body. The body does not
    /// always carry one (huggingface_hub PR #3279): then the Space's page on the endpoint.
    /// </summary>
    private async Task<(Uri Url, bool AlreadyExisted)> MakeSpaceAsync(RequestInformation info, HubRequestOption operation, SpaceId space, bool existOk, CancellationToken cancellationToken)
    {
        var page = new Uri(Endpoint, $"spaces/{space}");
        try
        {
            var url = await SendAsync(info, operation, static d => d is null ? null : HubModels.Parse(d, Wire.RepoUrl.CreateFromDiscriminatorValue).Url, cancellationToken).ConfigureAwait(false);
            return (Uri.TryCreate(url, UriKind.Absolute, out var answered) ? answered : page, false);
        }
        catch (HfSpacesConflictException conflict) when (existOk)
        {
            return (Uri.TryCreate(conflict.Details.ExistingUrl, UriKind.Absolute, out var existing) ? existing : page, true);
        }
    }

    /// <summary>Requests persistent storage. Tiers can be upgraded, not downgraded (delete first).</summary>
    [Obsolete("The Hub deprecated persistent storage in favour of volumes: use SetVolumesAsync.")]
    public virtual async Task<SpaceRuntime> RequestStorageAsync(SpaceId space, SpaceStorage storage, CancellationToken cancellationToken = default)
    {
        var body = new Wire.StorageRequest { Tier = Required(storage.ToString(), nameof(storage), "a SpaceStorage member") };
        var info = Space(space).Storage.ToPostRequestInformation(body);
        return await RuntimeAsync(info, HubRequestOption.RequestStorage, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Deletes the persistent storage and its data. 400 when the Space has none.</summary>
    [Obsolete("The Hub deprecated persistent storage in favour of volumes: use DeleteVolumesAsync.")]
    public virtual async Task<SpaceRuntime> DeleteStorageAsync(SpaceId space, CancellationToken cancellationToken = default)
    {
        var info = Space(space).Storage.ToDeleteRequestInformation();
        return await RuntimeAsync(info, HubRequestOption.DeleteStorage, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Turns dev mode on or off (PRO, Team and Enterprise accounts; 400 on static Spaces).</summary>
    public virtual async Task<SpaceRuntime> SetDevModeAsync(SpaceId space, bool enabled, CancellationToken cancellationToken = default)
    {
        var info = Request(Requests.DevMode, space, new Wire.DevModeRequest { Enabled = enabled });
        return await RuntimeAsync(info, HubRequestOption.SetDevMode, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Replaces the list of volumes mounted into the Space.</summary>
    /// <exception cref="ArgumentException">A volume has an empty source or mount path.</exception>
    public virtual async Task SetVolumesAsync(SpaceId space, IEnumerable<SpaceVolume> volumes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(volumes);
        var list = volumes.ToList();
        foreach (var v in list)
        {
            ArgumentNullException.ThrowIfNull(v, nameof(volumes));
            if (string.IsNullOrWhiteSpace(v.Source) || string.IsNullOrWhiteSpace(v.MountPath) || v.Type.ToString().Length == 0)
            {
                throw new ArgumentException($"Volume {v} needs a type, a source and a mount path.", nameof(volumes));
            }
        }

        var info = Request(Requests.Volumes, space, new Wire.SetVolumesRequest { Volumes = list.Select(HubModels.FromVolume).ToList() });
        await SendAsync(info, HubRequestOption.SetVolumes, static _ => true, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Removes all volumes. 400 when none is attached.</summary>
    public virtual async Task DeleteVolumesAsync(SpaceId space, CancellationToken cancellationToken = default)
    {
        var info = Request(Requests.DeleteVolumes, space);
        await SendAsync(info, HubRequestOption.DeleteVolumes, static _ => true, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Lists the hardware flavors a Space can request, with accelerators and prices (no token needed).</summary>
    public virtual async Task<IReadOnlyList<SpaceHardwareInfo>> ListHardwareAsync(CancellationToken cancellationToken = default)
    {
        var info = _api.Api.Spaces.Hardware.ToGetRequestInformation();
        return await SendAsync<IReadOnlyList<SpaceHardwareInfo>>(
            info,
            HubRequestOption.ListHardware,
            d => HubModels.ParseList(Body(d), Wire.SpaceHardwareInfo.CreateFromDiscriminatorValue).Select(HubModels.ToHardwareInfo).ToArray(),
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Reads the account behind the token.</summary>
    /// <exception cref="HfSpacesUnauthorizedException">No token, or the Hub refused it.</exception>
    public virtual async Task<HubAccount> WhoAmIAsync(CancellationToken cancellationToken = default)
    {
        var info = _api.Api.WhoamiV2.ToGetRequestInformation();
        return await SendAsync(info, HubRequestOption.WhoAmI, document =>
        {
            var wire = HubModels.Parse(Body(document), Wire.WhoAmI.CreateFromDiscriminatorValue);
            if (string.IsNullOrEmpty(wire.Name))
            {
                throw new FormatException("the account has no 'name'");
            }

            // The name becomes a Space's namespace (DuplicateAsync): one that could not be is not an answer to trust.
            if (SpaceId.Validate(wire.Name, "x") is { } invalid)
            {
                throw new FormatException($"the account name is not a valid namespace ({invalid})");
            }

            return new HubAccount(
                wire.Name,
                wire.Fullname,
                wire.Type,
                wire.Orgs?.Select(o => o.Name).OfType<string>().ToArray() ?? []);
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Releases the connection pool if the client created it.</summary>
    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Releases resources.</summary>
    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            _adapter?.Dispose();
            _http?.Dispose();
        }
    }

    private WithRepoItemRequestBuilder Space(SpaceId space)
    {
        ValidateSpace(space);
        return _api.Api.Spaces[space.Namespace][space.Name];
    }

    private static void ValidateSpace(SpaceId space)
    {
        if (space.IsDefault)
        {
            throw new ArgumentException("The SpaceId is default(SpaceId); use SpaceId.Parse(\"namespace/name\").", nameof(space));
        }
    }

    private Task<SpaceRuntime> RuntimeAsync(RequestInformation info, HubRequestOption operation, CancellationToken cancellationToken) =>
        SendAsync(info, operation, static d => HubModels.ToRuntime(Body(d)), cancellationToken);

    /// <summary>
    /// Sends through Kiota's adapter and the SDK's handler chain (which turns every failed exchange into an
    /// <see cref="HfSpacesException"/> and hands back a success with its body buffered), then reads the body once as JSON
    /// and maps it. A body that is not the promised shape becomes an <see cref="HfSpacesException"/> here.
    /// </summary>
    private async Task<T> SendAsync<T>(RequestInformation info, HubRequestOption operation, Func<JsonDocument?, T> map, CancellationToken cancellationToken)
    {
        using var response = await ExchangeAsync(info, operation, cancellationToken).ConfigureAwait(false);
        return await ReadJsonAsync(info, response, map, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Reads a buffered success body once as JSON and maps it; a body that is not the promised shape becomes an <see cref="HfSpacesException"/>.</summary>
    private static async Task<T> ReadJsonAsync<T>(RequestInformation info, HttpResponseMessage response, Func<JsonDocument?, T> map, CancellationToken cancellationToken)
    {
        var status = response.StatusCode;
        try
        {
            var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            using var document = body.Length == 0 ? null : await JsonDocument.ParseAsync(body, default, cancellationToken).ConfigureAwait(false);
            return map(document);
        }
        catch (JsonException e)
        {
            throw Unreadable(info, status, $"the Hub answered {(int)status} with a body that is not valid JSON ({e.Message})", e);
        }
        catch (Exception e) when (e is FormatException or InvalidOperationException or ArgumentException or KeyNotFoundException or OverflowException)
        {
            throw Unreadable(info, status, $"answered {(int)status} with a body this SDK cannot read: {e.Message}", e, prefix: false);
        }
    }

    /// <summary>One exchange through Kiota's adapter; the response comes back open (streams) or buffered (everything else).</summary>
    private async Task<HttpResponseMessage> ExchangeAsync(RequestInformation info, HubRequestOption operation, CancellationToken cancellationToken)
    {
        var answer = new NativeResponseHandler();
        info.AddRequestOptions([operation, new ResponseHandlerOption { ResponseHandler = answer }]);
        try
        {
            await _adapter.SendPrimitiveAsync<Stream>(info, cancellationToken: cancellationToken).ConfigureAwait(false);
            return answer.Value as HttpResponseMessage ?? throw new InvalidOperationException("Kiota handed back no response.");
        }
        catch (Exception e) when (e is not HfSpacesException && !(e is OperationCanceledException && cancellationToken.IsCancellationRequested))
        {
            throw Unsent(info, e);
        }
    }

    private static JsonDocument Body(JsonDocument? document) => document ?? throw new FormatException("the Hub answered with an empty body");

    private static HfSpacesException Unreadable(RequestInformation info, System.Net.HttpStatusCode status, string what, Exception inner, bool prefix = true)
    {
        var details = new HfSpacesErrorDetails(info.HttpMethod.ToString(), info.URI.AbsolutePath, status, null, null, null);
        var message = $"{details.Method} {details.Path} {(prefix ? "failed: " : string.Empty)}{HubErrors.Sanitize(what.TrimEnd('.'))}.";
        return new HfSpacesException(message, details, inner) { Failure = HubFailure.Unreadable };
    }

    /// <summary>A failure outside the chain: the caller's HttpClient timed out (its Timeout), or Kiota could not build the request.</summary>
    private static HfSpacesException Unsent(RequestInformation info, Exception e)
    {
        var details = new HfSpacesErrorDetails(info.HttpMethod.ToString(), info.URI.AbsolutePath, null, null, null, null);
        var what = e is OperationCanceledException
            ? "the HttpClient's own Timeout expired (set it to Timeout.InfiniteTimeSpan: HfSpacesClientOptions.PerTryTimeout bounds each attempt)"
            : $"the request could not be sent ({e.Message.TrimEnd('.')})";
        return new HfSpacesException($"{details.Method} {details.Path} failed: {what}.", details, e)
        {
            Failure = e is OperationCanceledException ? HubFailure.Timeout : HubFailure.Transport,
        };
    }

    private static string Required(string value, string parameter, string hint) =>
        value.Length > 0 ? value : throw new ArgumentException($"{parameter} is the default value; use {hint}.", parameter);

    private static string? Optional<T>(T? value, string name)
        where T : struct =>
        value is { } v ? Required(v.ToString()!, name, "a known member or an explicit value") : null;


    /// <summary>Whole seconds for the wire: -1 for <see cref="Timeout.InfiniteTimeSpan"/> (never sleep).</summary>
    internal static int Seconds(TimeSpan sleepTime, string parameter)
    {
        if (sleepTime == Timeout.InfiniteTimeSpan)
        {
            return -1;
        }

        if (sleepTime <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(parameter, sleepTime, "A sleep time must be positive, or Timeout.InfiniteTimeSpan to never sleep.");
        }

        if (sleepTime.Ticks % TimeSpan.TicksPerSecond != 0)
        {
            throw new ArgumentException($"A sleep time is sent in whole seconds; {sleepTime} has a fraction of a second.", parameter);
        }

        return sleepTime.TotalSeconds <= int.MaxValue
            ? (int)sleepTime.TotalSeconds
            : throw new ArgumentOutOfRangeException(parameter, sleepTime, $"A sleep time can be at most {int.MaxValue} seconds.");
    }
}
