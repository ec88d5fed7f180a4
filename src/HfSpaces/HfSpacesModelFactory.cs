using System.Net;

namespace HfSpaces;

/// <summary>
/// Builds the SDK's output models and exceptions for tests of code that uses <see cref="HfSpacesClient"/> (the Azure
/// SDK's <c>ModelFactory</c> pattern): a mock returns what the Hub would have answered without knowing which properties a
/// model requires. Every parameter is optional; a property the Hub adds later gets a new optional parameter in a new
/// overload, so a test written today keeps compiling.
/// </summary>
public static class HfSpacesModelFactory
{
    /// <summary>A Space's runtime.</summary>
    public static SpaceRuntime SpaceRuntime(
        SpaceStage stage = default,
        SpaceHardware? hardware = null,
        SpaceHardware? requestedHardware = null,
        TimeSpan? sleepTime = null,
        SpaceStorage? storage = null,
        bool devMode = false,
        SpaceReplicas? replicas = null,
        IEnumerable<SpaceDomain>? domains = null,
        string? errorMessage = null,
        string? sha = null,
        string? sdk = null,
        IEnumerable<SpaceVolume>? volumes = null) => new()
    {
        Stage = stage,
        Hardware = hardware,
        RequestedHardware = requestedHardware,
        SleepTime = sleepTime,
        Storage = storage,
        DevMode = devMode,
        Replicas = replicas,
        Domains = domains?.ToArray() ?? [],
        ErrorMessage = errorMessage,
        Sha = sha,
        Sdk = sdk,
        Volumes = volumes?.ToArray(),
    };

    /// <summary>A Space as listed or described.</summary>
    public static SpaceInfo SpaceInfo(
        SpaceId id,
        string? author = null,
        string? sha = null,
        DateTimeOffset? createdAt = null,
        DateTimeOffset? lastModified = null,
        bool? isPrivate = null,
        SpaceSdk? sdk = null,
        int? likes = null,
        IEnumerable<string>? tags = null,
        SpaceRuntime? runtime = null) => new()
    {
        Id = id,
        Author = author ?? (id.IsDefault ? null : id.Namespace),
        Sha = sha,
        CreatedAt = createdAt,
        LastModified = lastModified,
        Private = isPrivate,
        Sdk = sdk,
        Likes = likes,
        Tags = tags?.ToArray(),
        Runtime = runtime,
    };

    /// <summary>A domain serving a Space.</summary>
    public static SpaceDomain SpaceDomain(string domain, string? stage = "READY", bool isCustom = false) =>
        new() { Domain = domain, Stage = stage, IsCustom = isCustom };

    /// <summary>A Space's replicas.</summary>
    public static SpaceReplicas SpaceReplicas(int? requested = 1, int? current = null, bool isAuto = false) =>
        new() { Requested = requested, Current = current, IsAuto = isAuto };

    /// <summary>The state of a hot reload.</summary>
    public static SpaceHotReloading SpaceHotReloading(string? status = null, IEnumerable<KeyValuePair<string, string?>>? replicaStatuses = null) =>
        new() { Status = status, ReplicaStatuses = replicaStatuses?.ToArray() ?? [] };

    /// <summary>One flavor of the hardware catalog.</summary>
    public static SpaceHardwareInfo SpaceHardwareInfo(
        SpaceHardware name,
        string? prettyName = null,
        string? cpu = null,
        string? ram = null,
        SpaceHardwareAccelerator? accelerator = null,
        double? unitCostUsd = null,
        string? unitLabel = "minute",
        string? ephemeralStorage = null) => new()
    {
        Name = name,
        PrettyName = prettyName,
        Cpu = cpu,
        Ram = ram,
        EphemeralStorage = ephemeralStorage,
        Accelerator = accelerator,
        UnitCostUsd = unitCostUsd,
        UnitCostMicroUsd = unitCostUsd is { } usd ? (long)Math.Round(usd * 1_000_000) : null,
        UnitLabel = unitLabel,
    };

    /// <summary>An accelerator of a hardware flavor.</summary>
    public static SpaceHardwareAccelerator SpaceHardwareAccelerator(string? type = "gpu", string? model = null, string? quantity = "1", string? vram = null, string? manufacturer = null) =>
        new() { Type = type, Model = model, Quantity = quantity, Vram = vram, Manufacturer = manufacturer };

    /// <summary>A secret as listed (the Hub never returns its value).</summary>
    public static SpaceSecret SpaceSecret(string key, string? description = null, DateTimeOffset? updatedAt = null) =>
        new() { Key = key, Description = description, UpdatedAt = updatedAt };

    /// <summary>A variable as listed.</summary>
    public static SpaceVariable SpaceVariable(string key, string value, string? description = null, DateTimeOffset? updatedAt = null) =>
        new() { Key = key, Value = value, Description = description, UpdatedAt = updatedAt };

    /// <summary>The result of creating a Space.</summary>
    public static SpaceCreation SpaceCreation(SpaceId id, Uri? url = null, bool alreadyExisted = false, bool? hardwareApplied = null, SpaceRuntime? runtime = null, HfSpacesException? runtimeError = null) =>
        new() { Id = id, Url = url ?? PageOf(id), AlreadyExisted = alreadyExisted, HardwareApplied = hardwareApplied, Runtime = runtime, RuntimeError = runtimeError };

    /// <summary>The result of duplicating a Space.</summary>
    public static SpaceDuplicate SpaceDuplicate(SpaceId id, Uri? url = null, bool alreadyExisted = false) =>
        new() { Id = id, Url = url ?? PageOf(id), AlreadyExisted = alreadyExisted };

    /// <summary>The account behind a token.</summary>
    public static HubAccount HubAccount(string name, string? fullName = null, string? type = "user", IEnumerable<string>? organizations = null) =>
        new() { Name = name, FullName = fullName, Type = type, Organizations = organizations?.ToArray() ?? [] };

    /// <summary>A Space template.</summary>
    public static SpaceTemplate SpaceTemplate(string name, string repoId, SpaceSdk? sdk = null, bool preferredPrivate = false) =>
        new() { Name = name, RepoId = repoId, Sdk = sdk, PreferredPrivate = preferredPrivate };

    /// <summary>A ZeroGPU budget.</summary>
    public static ZeroGpuQuota ZeroGpuQuota(TimeSpan @base, TimeSpan remaining, DateTimeOffset? resetsAt = null, TimeSpan? overQuotaUsed = null) =>
        new() { Base = @base, Remaining = remaining, ResetsAt = resetsAt, OverQuotaUsed = overQuotaUsed };

    /// <summary>One line of a Space's logs.</summary>
    public static SpaceLogLine SpaceLogLine(string text, DateTimeOffset? timestamp = null) =>
        new() { Text = text, Timestamp = timestamp };

    /// <summary>The safe-to-show parts of a failed call.</summary>
    public static HfSpacesErrorDetails ErrorDetails(string method, string path, HttpStatusCode? statusCode = null, string? errorCode = null, string? serverMessage = null, string? requestId = null, TimeSpan? retryAfter = null, string? existingUrl = null) =>
        new() { Method = method, Path = path, StatusCode = statusCode, ErrorCode = errorCode, ServerMessage = serverMessage, RequestId = requestId, RetryAfter = retryAfter, ExistingUrl = existingUrl };

    /// <summary>
    /// The exception the client throws for an error answer with this status: <see cref="HfSpacesNotFoundException"/> for
    /// 404, <see cref="HfSpacesUnauthorizedException"/> for 401, <see cref="HfSpacesForbiddenException"/> for 403,
    /// <see cref="HfSpacesConflictException"/> for 409 (and 412), <see cref="HfSpacesRateLimitedException"/> for 429, else
    /// <see cref="HfSpacesException"/>. <see cref="HfSpacesException.IsTransient"/> says what the SDK's retry policy would.
    /// </summary>
    public static HfSpacesException HubError(HttpStatusCode statusCode, string method = "GET", string path = "/api/spaces/alice/demo/runtime", string? serverMessage = null, string? errorCode = null, TimeSpan? retryAfter = null)
    {
        var details = ErrorDetails(method, path, statusCode, errorCode, serverMessage, retryAfter: retryAfter);
        var message = $"{method} {path} answered {(int)statusCode}{(serverMessage is null ? "." : ": " + serverMessage)}";
        return statusCode switch
        {
            HttpStatusCode.NotFound => new HfSpacesNotFoundException(message, details),
            HttpStatusCode.Unauthorized => new HfSpacesUnauthorizedException(message, details),
            HttpStatusCode.Forbidden => new HfSpacesForbiddenException(message, details),
            HttpStatusCode.Conflict or HttpStatusCode.PreconditionFailed => new HfSpacesConflictException(message, details),
            HttpStatusCode.TooManyRequests => new HfSpacesRateLimitedException(message, details),
            _ => new HfSpacesException(message, details),
        };
    }

    private static Uri PageOf(SpaceId id) => new($"https://huggingface.co/spaces/{id}");
}
