using System.Text;
using System.Text.Json;
using HfSpaces.Emulator.Generated;
using HfSpaces.Emulator.Hosting;
using HfSpaces.Emulator.State;
using Microsoft.AspNetCore.Mvc;

namespace HfSpaces.Emulator.Controllers;

/// <summary>
/// Implements every operation NSwag generated from the spec as an abstract member of <see cref="HubControllerBase"/>:
/// a new operation in the spec is a build error here until the emulator implements it.
/// </summary>
public sealed partial class HubController(EmulatedHub hub) : HubControllerBase
{
    private EmulatedAccount? Caller => hub.Authenticate(Request.Headers.Authorization.ToString());

    public override Task<ActionResult<SpaceRuntime>> GetSpaceRuntime(string @namespace, string repo, CancellationToken cancellationToken = default) =>
        Ok(hub.Runtime(Caller, @namespace, repo));

    public override Task<ActionResult<SpaceRuntime>> RequestSpaceHardware([FromBody] HardwareRequest body, string @namespace, string repo, CancellationToken cancellationToken = default) =>
        Ok(hub.RequestHardware(Caller, @namespace, repo, Required(body).Flavor, body.SleepTimeSeconds));

    public override Task<ActionResult<SpaceRuntime>> SetSpaceSleepTime([FromBody] SleepTimeRequest body, string @namespace, string repo, CancellationToken cancellationToken = default) =>
        Ok(hub.SetSleepTime(Caller, @namespace, repo, Required(body).Seconds));

    public override Task<ActionResult<SpaceRuntime>> PauseSpace(string @namespace, string repo, CancellationToken cancellationToken = default) =>
        Ok(hub.Pause(Caller, @namespace, repo));

    public override Task<ActionResult<SpaceRuntime>> RestartSpace([FromQuery] bool? factory, string @namespace, string repo, CancellationToken cancellationToken = default) =>
        Ok(hub.Restart(Caller, @namespace, repo, factory == true));

    public override async Task<IActionResult> StreamSpaceLogs([FromQuery] int? tail, string @namespace, string repo, string logType, CancellationToken cancellationToken = default)
    {
        var caller = Caller;
        var lines = hub.Logs(caller, @namespace, repo, logType, tail);
        Response.StatusCode = 200;
        Response.ContentType = "text/event-stream";
        await Response.WriteAsync(Events(lines), cancellationToken).ConfigureAwait(false);
        await Response.Body.FlushAsync(cancellationToken).ConfigureAwait(false);

        // As on the Hub, a build log stays open while the image builds: new lines as they are written, until the build ends.
        // It checks on the Hub's clock, so a fake clock in tests decides when it ends.
        var sent = hub.Logs(caller, @namespace, repo, logType, tail: null).Count;
        while (logType == "build" && hub.IsBuilding(@namespace, repo) && !HttpContext.RequestAborted.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(TimeSpan.FromMilliseconds(100), hub.Clock, HttpContext.RequestAborted).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return new EmptyResult();
            }

            var all = hub.Logs(caller, @namespace, repo, logType, tail: null);
            if (all.Count > sent)
            {
                await Response.WriteAsync(Events(all.Skip(sent)), HttpContext.RequestAborted).ConfigureAwait(false);
                await Response.Body.FlushAsync(HttpContext.RequestAborted).ConfigureAwait(false);
                sent = all.Count;
            }
        }

        var rest = hub.Logs(caller, @namespace, repo, logType, tail: null).Skip(sent).ToList();

        // The last lines, then a keep-alive, as the Hub sends between lines.
        await Response.WriteAsync(Events(rest) + "data: \n\n", cancellationToken).ConfigureAwait(false);
        return new EmptyResult();
    }

    private static string Events(IEnumerable<(DateTimeOffset At, string Line)> lines)
    {
        var text = new StringBuilder();
        foreach (var (at, line) in lines)
        {
            var json = JsonSerializer.Serialize(new Dictionary<string, string> { ["data"] = line + "\n", ["timestamp"] = HubJson.Date(at) });
            text.Append("data: ").Append(json).Append("\n\n");
        }

        return text.ToString();
    }

    public override Task<ActionResult<IDictionary<string, SpaceSecret>>> ListSpaceSecrets(string @namespace, string repo, CancellationToken cancellationToken = default) =>
        Ok<IDictionary<string, SpaceSecret>>(hub.ListSecrets(Caller, @namespace, repo));

    public override Task<ActionResult<EmptyObject>> UpsertSpaceSecret([FromBody] SpaceSecretUpsert body, string @namespace, string repo, CancellationToken cancellationToken = default)
    {
        hub.UpsertSecret(Caller, @namespace, repo, Required(body).Key, body.Value, body.Description);
        return Ok(new EmptyObject());
    }

    public override Task<ActionResult<EmptyObject>> DeleteSpaceSecret([FromBody] SpaceKeyReference body, string @namespace, string repo, CancellationToken cancellationToken = default)
    {
        hub.DeleteSecret(Caller, @namespace, repo, Required(body).Key);
        return Ok(new EmptyObject());
    }

    public override Task<ActionResult<IDictionary<string, SpaceVariable>>> ListSpaceVariables(string @namespace, string repo, CancellationToken cancellationToken = default) =>
        Ok<IDictionary<string, SpaceVariable>>(hub.ListVariables(Caller, @namespace, repo));

    public override Task<ActionResult<IDictionary<string, SpaceVariable>>> UpsertSpaceVariable([FromBody] SpaceVariableUpsert body, string @namespace, string repo, CancellationToken cancellationToken = default) =>
        Ok<IDictionary<string, SpaceVariable>>(hub.UpsertVariable(Caller, @namespace, repo, Required(body).Key, body.Value, body.Description));

    public override Task<ActionResult<IDictionary<string, SpaceVariable>>> DeleteSpaceVariable([FromBody] SpaceKeyReference body, string @namespace, string repo, CancellationToken cancellationToken = default) =>
        Ok<IDictionary<string, SpaceVariable>>(hub.DeleteVariable(Caller, @namespace, repo, Required(body).Key));

    public override Task<ActionResult<RepoUrl>> DuplicateSpace([FromBody] DuplicateSpaceRequest body, string @namespace, string repo, CancellationToken cancellationToken = default) =>
        Ok(new RepoUrl { Url = hub.Duplicate(Caller, @namespace, repo, Required(body), HubUrl) });

    [Obsolete("Deprecated by the Hub, still emulated.")]
    public override Task<ActionResult<SpaceRuntime>> RequestSpaceStorage([FromBody] StorageRequest body, string @namespace, string repo, CancellationToken cancellationToken = default) =>
        Ok(hub.RequestStorage(Caller, @namespace, repo, Required(body).Tier));

    [Obsolete("Deprecated by the Hub, still emulated.")]
    public override Task<ActionResult<SpaceRuntime>> DeleteSpaceStorage(string @namespace, string repo, CancellationToken cancellationToken = default) =>
        Ok(hub.DeleteStorage(Caller, @namespace, repo));

    public override Task<ActionResult<SpaceRuntime>> SetSpaceDevMode([FromBody] DevModeRequest body, string @namespace, string repo, CancellationToken cancellationToken = default) =>
        Ok(hub.SetDevMode(Caller, @namespace, repo, Required(body).Enabled));

    public override Task<IActionResult> SetSpaceVolumes([FromBody] SetVolumesRequest body, string @namespace, string repo, CancellationToken cancellationToken = default)
    {
        hub.SetVolumes(Caller, @namespace, repo, Required(body).Volumes);
        return Task.FromResult<IActionResult>(new OkObjectResult(new EmptyObject()));
    }

    public override Task<IActionResult> DeleteSpaceVolumes(string @namespace, string repo, CancellationToken cancellationToken = default)
    {
        hub.DeleteVolumes(Caller, @namespace, repo);
        return Task.FromResult<IActionResult>(new OkObjectResult(new EmptyObject()));
    }

    public override Task<ActionResult<ICollection<SpaceHardwareInfo>>> ListSpaceHardware(CancellationToken cancellationToken = default) =>
        Ok<ICollection<SpaceHardwareInfo>>(HardwareCatalog.Entries());

    public override Task<ActionResult<WhoAmI>> WhoAmI(CancellationToken cancellationToken = default) =>
        Ok(hub.WhoAmI(Caller));

    public override Task<ActionResult<CreatedRepo>> CreateRepo([FromBody] CreateSpaceRequest body, CancellationToken cancellationToken = default) =>
        Ok(hub.Create(Caller, Required(body), HubUrl));

    public override Task<IActionResult> DeleteRepo([FromBody] DeleteRepoRequest body, CancellationToken cancellationToken = default)
    {
        hub.Delete(Caller, Required(body));
        return Task.FromResult<IActionResult>(new OkResult());
    }

    public override Task<ActionResult<SpaceInfo>> GetSpaceInfo([FromQuery] IEnumerable<string> expand, string @namespace, string repo, CancellationToken cancellationToken = default) =>
        Task.FromResult<ActionResult<SpaceInfo>>(new OkObjectResult(hub.Info(Caller, @namespace, repo, expand)));

    public override Task<ActionResult<SpaceInfo>> GetSpaceInfoAtRevision([FromQuery] IEnumerable<string> expand, string @namespace, string repo, string revision, CancellationToken cancellationToken = default) =>
        Task.FromResult<ActionResult<SpaceInfo>>(new OkObjectResult(hub.Info(Caller, @namespace, repo, expand, revision)));

    public override Task<ActionResult<ICollection<SpaceInfo>>> ListSpaces([FromQuery] string author, [FromQuery] string search, [FromQuery] IEnumerable<string> filter, [FromQuery] string sort, [FromQuery] int? direction, [FromQuery] int? limit, [FromQuery] IEnumerable<string> expand, [FromQuery] bool? full, CancellationToken cancellationToken = default)
    {
        var cursor = Request.Query["cursor"].ToString();
        var offset = cursor.Length == 0 ? 0 : int.TryParse(cursor, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var o) ? o : throw HubError.BadRequest($"Invalid cursor '{cursor}'");
        var query = new SpaceQuery(NullIfEmpty(author), NullIfEmpty(search), filter?.ToArray() ?? [], NullIfEmpty(sort), direction, limit, expand?.ToArray(), full == true, offset);
        var (page, total, next) = hub.List(Caller, query);
        Response.Headers["X-Total-Count"] = total.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (next is { } n)
        {
            // GitHub-style, as the Hub: the next page's whole URL, holding the query.
            var rest = Request.Query.Where(q => q.Key != "cursor").SelectMany(q => q.Value.Select(v => $"{Uri.EscapeDataString(q.Key)}={Uri.EscapeDataString(v ?? string.Empty)}"));
            Response.Headers.Link = $"<{HubUrl}api/spaces?{string.Join('&', rest.Append($"cursor={n}"))}>; rel=\"next\"";
        }

        return Task.FromResult<ActionResult<ICollection<SpaceInfo>>>(new OkObjectResult(page));
    }

    public override Task<ActionResult<SpaceTemplates>> ListSpaceTemplates(CancellationToken cancellationToken = default) =>
        Ok(EmulatedHub.Templates());

    public override Task<ActionResult<ZeroGpuQuota>> GetZeroGpuQuota(CancellationToken cancellationToken = default) =>
        Ok(hub.ZeroGpuQuota(Caller));

    public override Task<IActionResult> UpdateSpaceSettings([FromBody] SpaceSettingsRequest body, string @namespace, string repo, CancellationToken cancellationToken = default)
    {
        hub.UpdateSettings(Caller, @namespace, repo, Required(body));
        return Task.FromResult<IActionResult>(new OkObjectResult(new EmptyObject()));
    }

    public override Task<IActionResult> SetSpaceReplicas([FromBody] ReplicasRequest body, string @namespace, string repo, CancellationToken cancellationToken = default)
    {
        hub.SetReplicas(Caller, @namespace, repo, Required(body).Value);
        return Task.FromResult<IActionResult>(new OkObjectResult(new EmptyObject()));
    }

    private Uri HubUrl => new($"{Request.Scheme}://{Request.Host}/");

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;

    private static Task<ActionResult<T>> Ok<T>(T value) => Task.FromResult<ActionResult<T>>(new OkObjectResult(value));

    private static T Required<T>(T? body)
        where T : class =>
        body ?? throw HubError.BadRequest("A JSON body is required");
}
