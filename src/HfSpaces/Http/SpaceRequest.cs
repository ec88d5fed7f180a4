using System.Text;
using HfSpaces.Generated;
using HfSpaces.Generated.Api.Spaces.Item.Item;
using Microsoft.Kiota.Abstractions;

namespace HfSpaces.Http;

/// <summary>
/// One Space operation's request as Kiota's generated builder shapes it — method, URL template, headers — read from the
/// builder once and then filled in per call, so a call does not build five request builders, copy their path-parameter
/// dictionaries and expand the URL template again (≈ 3 KB and a regex per call). The builder stays the source: an
/// operation whose template this cannot fill (query expressions it would have to expand, variables other than the
/// Space's) is built by Kiota every time.
/// </summary>
internal sealed class SpaceRequest(Func<WithRepoItemRequestBuilder, RequestInformation> shape)
{
    private Template? _template;
    private bool _read;

    /// <summary>The request for <paramref name="space"/>; Kiota's builder is used on first use, or always if the template cannot be filled here.</summary>
    public RequestInformation Create(HfSpacesApiClient api, string baseUrl, SpaceId space)
    {
        if (!_read)
        {
            _template = Template.From(shape(api.Api.Spaces[space.Namespace][space.Name]));
            _read = true;
        }

        if (_template is not { } template)
        {
            return shape(api.Api.Spaces[space.Namespace][space.Name]);
        }

        var info = new RequestInformation { HttpMethod = template.Method, URI = new Uri(template.Expand(baseUrl, space)) };
        foreach (var (name, values) in template.Headers)
        {
            info.Headers.Add(name, values);
        }

        return info;
    }

    /// <summary>A URL template cut into literals and the Space's two variables; the headers to send (not the body's).</summary>
    private sealed class Template(Method method, string[] parts, KeyValuePair<string, string[]>[] headers)
    {
        private const string BaseUrl = "{+baseurl}";

        public Method Method => method;

        public KeyValuePair<string, string[]>[] Headers => headers;

        public static Template? From(RequestInformation info)
        {
            var url = info.UrlTemplate;
            if (url is null || !url.StartsWith(BaseUrl, StringComparison.Ordinal) || info.QueryParameters.Count > 0)
            {
                return null;
            }

            // A trailing query expression ("{?factory*}") expands to nothing when no query parameter is set.
            var query = url.IndexOf("{?", StringComparison.Ordinal);
            if (query >= 0)
            {
                if (!url.EndsWith('}') || url.IndexOf('}', query) != url.Length - 1)
                {
                    return null;
                }

                url = url[..query];
            }

            var parts = new List<string>();
            var at = BaseUrl.Length;
            while (at < url.Length)
            {
                var open = url.IndexOf('{', at);
                if (open < 0)
                {
                    parts.Add(url[at..]);
                    break;
                }

                var close = url.IndexOf('}', open);
                var variable = close < 0 ? null : url[open..(close + 1)];
                if (variable is not ("{namespace}" or "{repo}"))
                {
                    return null;
                }

                parts.Add(url[at..open]);
                parts.Add(variable);
                at = close + 1;
            }

            var headers = info.Headers
                .Where(h => !string.Equals(h.Key, "Content-Type", StringComparison.OrdinalIgnoreCase))
                .Select(h => new KeyValuePair<string, string[]>(h.Key, h.Value.ToArray()))
                .ToArray();
            return new Template(info.HttpMethod, [.. parts], headers);
        }

        public string Expand(string baseUrl, SpaceId space)
        {
            var url = new StringBuilder(baseUrl, baseUrl.Length + 64);
            foreach (var part in parts)
            {
                url.Append(part switch
                {
                    "{namespace}" => Uri.EscapeDataString(space.Namespace),
                    "{repo}" => Uri.EscapeDataString(space.Name),
                    _ => part,
                });
            }

            return url.ToString();
        }
    }
}
