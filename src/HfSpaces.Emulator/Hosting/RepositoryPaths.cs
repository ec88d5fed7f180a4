using Microsoft.AspNetCore.Http;

namespace HfSpaces.Emulator.Hosting;

/// <summary>
/// The Hub takes a file's path in a URL either as one encoded segment (<c>tree/main/src%2Fapp.py</c>, huggingface_hub) or
/// with its slashes (<c>resolve/main/src/app.py</c>, huggingface.js and downloads): routes have one <c>{path}</c> segment,
/// so the slashes after the revision are encoded before routing.
/// </summary>
internal static class RepositoryPaths
{
    private static readonly string[] Markers = ["/tree/", "/resolve/"];

    public static void Normalize(HttpRequest request)
    {
        var raw = request.Path.Value;
        if (raw is null)
        {
            return;
        }

        foreach (var marker in Markers)
        {
            // /api/spaces/{ns}/{name}/tree/{rev}/{path…} and /spaces/{ns}/{name}/resolve/{rev}/{path…}
            var at = raw.IndexOf(marker, StringComparison.Ordinal);
            var prefix = marker == "/tree/" ? "/api/spaces/" : "/spaces/";
            if (at < 0 || !raw.StartsWith(prefix, StringComparison.Ordinal) || raw[prefix.Length..at].Count(c => c == '/') != 1)
            {
                continue;
            }

            var revisionEnd = raw.IndexOf('/', at + marker.Length);
            if (revisionEnd < 0 || raw.IndexOf('/', revisionEnd + 1) < 0)
            {
                return;
            }

            request.Path = new PathString(raw[..(revisionEnd + 1)] + raw[(revisionEnd + 1)..].Replace("/", "%2F", StringComparison.Ordinal));
            return;
        }
    }
}
