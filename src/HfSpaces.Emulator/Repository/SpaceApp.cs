using System.Text;
using System.Text.RegularExpressions;

namespace HfSpaces.Emulator.Repository;

/// <summary>
/// What a Space needs to build, as the Hub reads it: the SDK's entry point (gradio and streamlit: the <c>app_file</c> of
/// the README's front matter, default <c>app.py</c>; docker: <c>Dockerfile</c>; static: <c>index.html</c>), and the
/// README with that front matter that creating a Space commits first.
/// </summary>
internal static partial class SpaceApp
{
    /// <summary>The file the Space's SDK starts from, given its files at a commit.</summary>
    public static string EntryPoint(string sdk, Func<string, byte[]?> read) => sdk switch
    {
        "docker" => "Dockerfile",
        "static" => "index.html",
        _ => FrontMatter(read("README.md"), "app_file") ?? "app.py",
    };

    /// <summary>The README a new Space gets: the YAML front matter the Hub writes, and a line of text.</summary>
    public static byte[] Readme(string name, string sdk)
    {
        var text = new StringBuilder()
            .Append("---\n")
            .Append("title: ").Append(name).Append('\n')
            .Append("emoji: 🚀\n")
            .Append("colorFrom: blue\n")
            .Append("colorTo: green\n")
            .Append("sdk: ").Append(sdk).Append('\n');
        if (sdk is "gradio" or "streamlit")
        {
            text.Append("app_file: app.py\n");
        }

        text.Append("pinned: false\n---\n\nCheck out the configuration reference at https://huggingface.co/docs/hub/spaces-config-reference\n");
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    /// <summary>A small app that runs on the SDK, for seeded Spaces.</summary>
    public static (string Path, byte[] Content) SampleApp(string sdk) => sdk switch
    {
        "docker" => ("Dockerfile", Encoding.UTF8.GetBytes("FROM python:3.12-slim\nCMD [\"python\", \"-m\", \"http.server\", \"7860\"]\n")),
        "static" => ("index.html", Encoding.UTF8.GetBytes("<!doctype html><title>Space</title><p>Hello from the emulator.</p>\n")),
        "streamlit" => ("app.py", Encoding.UTF8.GetBytes("import streamlit as st\n\nst.write(\"Hello from the emulator\")\n")),
        _ => ("app.py", Encoding.UTF8.GetBytes("import gradio as gr\n\ngr.Interface(lambda x: x, \"text\", \"text\").launch()\n")),
    };

    /// <summary>
    /// A path the Hub accepts in a repository: relative, <c>/</c>-separated, no empty, <c>.</c> or <c>..</c> segment, not
    /// under <c>.git/</c>; null when valid, else why not.
    /// </summary>
    public static string? InvalidPath(string? path)
    {
        if (string.IsNullOrEmpty(path))
        {
            return "a path is empty";
        }

        if (path.StartsWith('/') || path.Contains('\\', StringComparison.Ordinal) || path.Contains('\0', StringComparison.Ordinal))
        {
            return $"'{path}' is not a relative /-separated path";
        }

        var segments = path.Split('/');
        if (segments.Any(s => s is "" or "." or ".."))
        {
            return $"'{path}' has an empty, '.' or '..' segment";
        }

        return segments[0] == ".git" ? $"'{path}' is inside .git/" : null;
    }

    private static string? FrontMatter(byte[]? readme, string key)
    {
        if (readme is null)
        {
            return null;
        }

        var match = FrontMatterBlock().Match(Encoding.UTF8.GetString(readme));
        if (!match.Success)
        {
            return null;
        }

        foreach (var line in match.Groups[1].Value.Split('\n'))
        {
            var colon = line.IndexOf(':');
            if (colon > 0 && line[..colon].Trim() == key)
            {
                var value = line[(colon + 1)..].Trim().Trim('"', '\'');
                return value.Length > 0 ? value : null;
            }
        }

        return null;
    }

    [GeneratedRegex(@"\A---\r?\n(.*?)\r?\n---", RegexOptions.Singleline)]
    private static partial Regex FrontMatterBlock();
}
