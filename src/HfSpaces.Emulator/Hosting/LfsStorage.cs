using System.Globalization;
using System.Text.Json;
using HfSpaces.Emulator.State;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace HfSpaces.Emulator.Hosting;

/// <summary>
/// The emulator's LFS storage, where the batch API's presigned URLs point (as S3 is for the Hub): basic PUT, part PUT
/// (answering an ETag), completion, and the presigned GET a download of an LFS file is redirected to. Not Hub API, so
/// not in the spec; the same request pipeline (recording, faults, errors) runs in front of it.
/// </summary>
internal static class LfsStorage
{
    public static void Map(IEndpointRouteBuilder app, EmulatedHub hub)
    {
        app.MapPut("/__storage/lfs/{oid}", async (HttpContext context, string oid) =>
        {
            var (size, sig) = Signed(context);
            hub.LfsPut(oid, size, sig, Authorized(context), await BodyAsync(context, size).ConfigureAwait(false));
            return Results.Ok();
        });
        app.MapPut("/__storage/lfs/{oid}/part/{part:int}", async (HttpContext context, string oid, int part) =>
        {
            var (size, sig) = Signed(context);
            var etag = hub.LfsPutPart(oid, size, sig, Authorized(context), part, await BodyAsync(context, hub.LfsChunkBytes).ConfigureAwait(false));
            context.Response.Headers.ETag = etag;
            return Results.Ok();
        });
        app.MapPost("/__storage/lfs/{oid}/complete", async (HttpContext context, string oid) =>
        {
            var (size, sig) = Signed(context);
            using var document = await JsonDocument.ParseAsync(context.Request.Body, default, context.RequestAborted).ConfigureAwait(false);
            var parts = document.RootElement.TryGetProperty("parts", out var list) && list.ValueKind == JsonValueKind.Array
                ? list.EnumerateArray().Select(p => (p.GetProperty("partNumber").GetInt32(), p.GetProperty("etag").GetString() ?? string.Empty)).ToList()
                : throw HubError.BadRequest("The completion needs its parts");
            hub.LfsComplete(oid, size, sig, Authorized(context), parts);
            return Results.Text("{}", "application/vnd.git-lfs+json");
        });
        app.MapGet("/__storage/lfs/{oid}", (HttpContext context, string oid) =>
        {
            var (size, sig) = Signed(context);
            return Results.Bytes(hub.LfsGet(oid, size, sig, Authorized(context)), "application/octet-stream");
        });
    }

    private static (long Size, string? Sig) Signed(HttpContext context) =>
        (long.TryParse(context.Request.Query["size"], NumberStyles.None, CultureInfo.InvariantCulture, out var size) ? size : -1, context.Request.Query["sig"].ToString() is { Length: > 0 } s ? s : null);

    private static bool Authorized(HttpContext context) => context.Request.Headers.Authorization.Count > 0;

    private static Task<byte[]> BodyAsync(HttpContext context, long limit) =>
        BoundedBody.ReadAsync(context.Request.Body, limit, () => HubError.BadRequest($"The upload is larger than the {limit} bytes announced"), context.RequestAborted);
}
