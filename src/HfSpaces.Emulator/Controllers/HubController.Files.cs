using System.Text.Json.Nodes;
using HfSpaces.Emulator.Generated;
using HfSpaces.Emulator.Repository;
using Microsoft.AspNetCore.Mvc;

namespace HfSpaces.Emulator.Controllers;

/// <summary>A Space's files: tree, paths-info, download, preupload, commit (docs/hub-wire.md "A Space's files").</summary>
public sealed partial class HubController
{
    public override Task<ActionResult<ICollection<RepoTreeEntry>>> ListSpaceTree([FromQuery] bool? recursive, [FromQuery] bool? expand, [FromQuery] string cursor, string @namespace, string repo, string revision, CancellationToken cancellationToken = default) =>
        Task.FromResult(TreePage(@namespace, repo, revision, null, recursive, expand, cursor));

    public override Task<ActionResult<ICollection<RepoTreeEntry>>> ListSpaceTreeAtPath([FromQuery] bool? recursive, [FromQuery] bool? expand, [FromQuery] string cursor, string @namespace, string repo, string revision, string path, CancellationToken cancellationToken = default) =>
        Task.FromResult(TreePage(@namespace, repo, revision, path, recursive, expand, cursor));

    /// <summary>Form-encoded as on the Hub (read by <see cref="Hosting.PathsInfoFormFormatter"/>); a JSON body is read too.</summary>
    public override Task<ActionResult<ICollection<RepoTreeEntry>>> GetSpacePathsInfo([FromBody] PathsInfoRequest body, string @namespace, string repo, string revision, CancellationToken cancellationToken = default) =>
        Task.FromResult<ActionResult<ICollection<RepoTreeEntry>>>(new OkObjectResult(new JsonArray([.. hub.PathsInfo(Caller, @namespace, repo, Path(revision), Required(body).Paths ?? [], body.Expand == true)])));

    public override Task<IActionResult> DownloadSpaceFile(string @namespace, string repo, string revision, string path, CancellationToken cancellationToken = default)
    {
        var file = hub.Download(Caller, @namespace, repo, Path(revision), Path(path));
        Response.Headers["X-Repo-Commit"] = file.Commit;
        if (file.IsLfs)
        {
            // As on the Hub: an LFS file's bytes are in storage, at a presigned URL the client follows without the token.
            Response.Headers.ETag = $"\"{file.ETag}\"";
            return Task.FromResult<IActionResult>(Redirect(hub.LfsDownloadUrl(HubUrl, file.ETag, file.Size)));
        }

        Response.Headers.ETag = $"\"{file.ETag}\"";
        // Range requests as the Hub serves them (huggingface.js reads a file's size with "Range: bytes=0-0").
        return Task.FromResult<IActionResult>(File(file.Content, "application/octet-stream", enableRangeProcessing: true));
    }

    public override Task<ActionResult<PreuploadResponse>> PreuploadSpaceFiles([FromBody] PreuploadRequest body, string @namespace, string repo, string revision, CancellationToken cancellationToken = default)
    {
        var files = Required(body).Files.Select(f =>
        {
            byte[] sample;
            try
            {
                sample = Convert.FromBase64String(f.Sample ?? string.Empty);
            }
            catch (FormatException)
            {
                throw State.HubError.BadRequest($"The sample of {f.Path} is not valid base64");
            }

            return (f.Path, sample, f.Size);
        }).ToList();
        var modes = hub.Preupload(Caller, @namespace, repo, Path(revision), files, body.GitIgnore);
        return Task.FromResult<ActionResult<PreuploadResponse>>(new OkObjectResult(new JsonObject { ["files"] = new JsonArray([.. modes]) }));
    }

    /// <summary>The NDJSON body is read from the request itself (NSwag binds a binary body as a form file, which it is not).</summary>
    public override async Task<ActionResult<CommitResult>> CommitSpaceFiles([FromQuery] string create_pr, [FromQuery] string hot_reload, Microsoft.AspNetCore.Http.IFormFile body, string @namespace, string repo, string revision, CancellationToken cancellationToken = default)
    {
        var caller = Caller;
        var bytes = await Hosting.BoundedBody.ReadAsync(Request.Body, CommitPayload.MaxBytes, () => new State.HubError(413, $"The commit body is larger than {CommitPayload.MaxBytes / (1024 * 1024)} MB: upload large files through LFS"), cancellationToken).ConfigureAwait(false);
        var payload = CommitPayload.Parse(bytes);
        var (id, url, pullRequest) = hub.Commit(caller, @namespace, repo, Path(revision), payload, Flag(create_pr), Flag(hot_reload), HubUrl);
        var answer = new JsonObject { ["success"] = true, ["commitOid"] = id, ["commitUrl"] = url, ["hookOutput"] = string.Empty };
        if (pullRequest is not null)
        {
            answer["pullRequestUrl"] = pullRequest;
        }

        return new OkObjectResult(answer);
    }

    public override Task<ActionResult<LfsBatchResponse>> LfsBatch([FromBody] LfsBatchRequest body, string @namespace, string repo, CancellationToken cancellationToken = default)
    {
        var objects = Required(body).Objects.Select(o => (o.Oid ?? string.Empty, o.Size)).ToList();
        var answer = hub.LfsBatch(Caller, @namespace, repo, body.Operation, objects, HubUrl);
        Response.ContentType = "application/vnd.git-lfs+json";
        return Task.FromResult<ActionResult<LfsBatchResponse>>(new ContentResult { Content = answer.ToJsonString(), ContentType = "application/vnd.git-lfs+json", StatusCode = 200 });
    }

    public override Task<ActionResult<EmptyObject>> LfsVerify([FromBody] LfsObject body, string @namespace, string repo, CancellationToken cancellationToken = default)
    {
        hub.LfsVerify(Caller, @namespace, repo, Required(body).Oid, body.Size);
        return Task.FromResult<ActionResult<EmptyObject>>(new ContentResult { Content = "{}", ContentType = "application/vnd.git-lfs+json", StatusCode = 200 });
    }

    /// <summary>A query flag as the reference clients send it (<c>1</c>, or Python's <c>True</c>).</summary>
    private static bool Flag(string? value) => value is "1" or "true" or "True";

    private ActionResult<ICollection<RepoTreeEntry>> TreePage(string ns, string repo, string revision, string? path, bool? recursive, bool? expand, string? cursor)
    {
        var (page, next) = hub.Tree(Caller, ns, repo, Path(revision), path is null ? null : Path(path), recursive == true, expand == true, NullIfEmpty(cursor));
        if (next is not null)
        {
            var rest = Request.Query.Where(q => q.Key != "cursor").SelectMany(q => q.Value.Select(v => $"{Uri.EscapeDataString(q.Key)}={Uri.EscapeDataString(v ?? string.Empty)}"));
            Response.Headers.Link = $"<{HubUrl.GetLeftPart(UriPartial.Authority)}{Request.PathBase}{Request.Path}?{string.Join('&', rest.Append($"cursor={next}"))}>; rel=\"next\"";
        }

        return new OkObjectResult(new JsonArray([.. page]));
    }

    /// <summary>
    /// A path or revision segment: routing leaves an encoded <c>/</c> (<c>%2F</c>, as huggingface_hub sends it) encoded;
    /// <see cref="Hosting.RepositoryPaths"/> turns raw slashes (as huggingface.js sends them) into the same.
    /// </summary>
    private static string Path(string segment) => segment.Replace("%2F", "/", StringComparison.OrdinalIgnoreCase);
}
