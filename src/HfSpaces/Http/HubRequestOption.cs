using Microsoft.Kiota.Abstractions;

namespace HfSpaces.Http;

/// <summary>
/// Per-operation facts the façade hands to the handler chain through Kiota's request options: the operation's name (for
/// spans and metrics), whether a failed attempt may be sent again, and whether the answer is a stream (logs) that must
/// not be buffered. One static instance per operation: no allocation per call.
/// </summary>
internal sealed class HubRequestOption : IRequestOption
{
    /// <summary>Kiota stores each option in <see cref="HttpRequestMessage.Options"/> under its type's full name.</summary>
    internal static readonly HttpRequestOptionsKey<IRequestOption> Key = new(typeof(HubRequestOption).FullName!);

    private HubRequestOption(string operation, bool idempotent, bool streaming = false, bool upload = false, bool presigned = false, bool storageRedirects = false)
    {
        Operation = operation;
        ActivityName = "HfSpaces." + operation;
        Idempotent = idempotent;
        Streaming = streaming;
        Upload = upload;
        Presigned = presigned;
        StorageRedirects = storageRedirects;
    }

    /// <summary>The façade operation, e.g. <c>GetRuntime</c>; the span is named <c>HfSpaces.GetRuntime</c>.</summary>
    public string Operation { get; }

    /// <summary>The span's name, <c>HfSpaces.</c> and the operation (built once, not per call).</summary>
    public string ActivityName { get; }

    /// <summary>Sending it twice has the effect of sending it once, so failures before an answer may be retried.</summary>
    public bool Idempotent { get; }

    /// <summary>The body is read by the caller as it arrives (server-sent events, a download): not buffered, not timed per try beyond the headers.</summary>
    public bool Streaming { get; }

    /// <summary>
    /// The request carries a body of any size (a commit, an upload): the per-try timeout does not apply, since the answer
    /// comes only after the whole body is sent; the caller's token still cancels it.
    /// </summary>
    public bool Upload { get; }

    /// <summary>
    /// The URL is presigned (LFS storage): it carries its own authorization, so the token is never sent to it, whatever its
    /// host; storage answers a transient 500, so one is retried like a 503.
    /// </summary>
    public bool Presigned { get; }

    /// <summary>The Hub answers with a redirect to storage on another host (an LFS file's download): followed, without the token.</summary>
    public bool StorageRedirects { get; }

    public static readonly HubRequestOption GetRuntime = new("GetRuntime", idempotent: true);
    public static readonly HubRequestOption RequestHardware = new("RequestHardware", idempotent: true);
    public static readonly HubRequestOption SetSleepTime = new("SetSleepTime", idempotent: true);
    public static readonly HubRequestOption Pause = new("Pause", idempotent: true);
    public static readonly HubRequestOption Restart = new("Restart", idempotent: false);
    public static readonly HubRequestOption StreamLogs = new("StreamLogs", idempotent: true, streaming: true);
    public static readonly HubRequestOption ListSecrets = new("ListSecrets", idempotent: true);
    public static readonly HubRequestOption SetSecret = new("SetSecret", idempotent: true);
    public static readonly HubRequestOption DeleteSecret = new("DeleteSecret", idempotent: true);
    public static readonly HubRequestOption ListVariables = new("ListVariables", idempotent: true);
    public static readonly HubRequestOption SetVariable = new("SetVariable", idempotent: true);
    public static readonly HubRequestOption DeleteVariable = new("DeleteVariable", idempotent: true);
    public static readonly HubRequestOption Duplicate = new("Duplicate", idempotent: false);
    public static readonly HubRequestOption RequestStorage = new("RequestStorage", idempotent: true);
    public static readonly HubRequestOption DeleteStorage = new("DeleteStorage", idempotent: true);
    public static readonly HubRequestOption SetDevMode = new("SetDevMode", idempotent: true);
    public static readonly HubRequestOption SetVolumes = new("SetVolumes", idempotent: true);
    public static readonly HubRequestOption DeleteVolumes = new("DeleteVolumes", idempotent: true);
    public static readonly HubRequestOption ListHardware = new("ListHardware", idempotent: true);
    public static readonly HubRequestOption WhoAmI = new("WhoAmI", idempotent: true);
    public static readonly HubRequestOption CreateSpace = new("CreateSpace", idempotent: false);
    public static readonly HubRequestOption GetSpaceInfo = new("GetSpaceInfo", idempotent: true);
    public static readonly HubRequestOption ListSpaces = new("ListSpaces", idempotent: true);
    public static readonly HubRequestOption UpdateSettings = new("UpdateSettings", idempotent: true);

    /// <summary>Not re-sent on a 5xx: a delete whose answer was lost would be reported as "not found" the second time.</summary>
    public static readonly HubRequestOption DeleteSpace = new("DeleteSpace", idempotent: false);
    public static readonly HubRequestOption ListTemplates = new("ListTemplates", idempotent: true);
    public static readonly HubRequestOption GetZeroGpuQuota = new("GetZeroGpuQuota", idempotent: true);
    public static readonly HubRequestOption SetReplicas = new("SetReplicas", idempotent: true);
    public static readonly HubRequestOption ListFiles = new("ListFiles", idempotent: true);
    public static readonly HubRequestOption GetPathsInfo = new("GetPathsInfo", idempotent: true);
    public static readonly HubRequestOption GetRevision = new("GetRevision", idempotent: true);
    public static readonly HubRequestOption DownloadFile = new("DownloadFile", idempotent: true, streaming: true, storageRedirects: true);
    public static readonly HubRequestOption LfsBatch = new("LfsBatch", idempotent: true);
    public static readonly HubRequestOption LfsUpload = new("LfsUpload", idempotent: true, upload: true, presigned: true);
    public static readonly HubRequestOption LfsUploadPart = new("LfsUploadPart", idempotent: true, upload: true, presigned: true);
    public static readonly HubRequestOption LfsComplete = new("LfsComplete", idempotent: true, presigned: true);
    public static readonly HubRequestOption LfsVerify = new("LfsVerify", idempotent: true);
    public static readonly HubRequestOption Preupload = new("Preupload", idempotent: true);

    /// <summary>Not re-sent after it may have reached the Hub: a commit that landed would be made twice (or refused as stale).</summary>
    public static readonly HubRequestOption Commit = new("Commit", idempotent: false, upload: true);

    /// <summary>The option of a request; a request sent without one (another caller on a shared pipeline) gets HTTP's own rule.</summary>
    public static HubRequestOption For(HttpRequestMessage request)
    {
        if (request.Options.TryGetValue(Key, out var option) && option is HubRequestOption hub)
        {
            return hub;
        }

        var method = request.Method;
        var idempotent = method == HttpMethod.Get || method == HttpMethod.Head || method == HttpMethod.Put || method == HttpMethod.Delete || method == HttpMethod.Options;
        return new HubRequestOption(method.Method, idempotent);
    }
}
