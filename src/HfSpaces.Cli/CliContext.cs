using System.Text.Json.Nodes;

namespace HfSpaces.Cli;

/// <summary>What every command needs: its writers, stdin, output mode and a way to build the SDK client.</summary>
public sealed class CliContext(TextWriter output, TextWriter error, TextReader input, Func<HfSpacesClientOptions, HfSpacesClient> createClient)
{
    public TextWriter Out { get; } = output;

    public TextWriter Err { get; } = error;

    public TextReader In { get; } = input;

    /// <summary>True when a person can answer a question on <see cref="In"/> (a terminal); otherwise a confirmation needs <c>--yes</c>.</summary>
    public bool Interactive { get; init; }

    /// <summary>Reads a line typed without echo (secrets). Default: a line of <see cref="In"/> (tests, redirected input).</summary>
    public Func<string>? HiddenReader { get; init; }

    /// <summary>
    /// Asks before a destructive or costly action: true when <paramref name="skip"/> (--yes) is set or the person types
    /// <paramref name="answer"/> at <paramref name="question"/>; false (after saying <paramref name="declined"/>) otherwise.
    /// Without a terminal nobody can answer: <paramref name="refusal"/> is thrown as a usage error, before anything is sent.
    /// </summary>
    public async Task<bool> ConfirmAsync(bool skip, string question, string answer, string refusal, string declined, CancellationToken cancellationToken)
    {
        if (skip)
        {
            return true;
        }

        if (!Interactive)
        {
            throw new ArgumentException(refusal);
        }

        await Err.WriteAsync($"{question} Type '{answer}': ").ConfigureAwait(false);
        if (string.Equals((await In.ReadLineAsync(cancellationToken).ConfigureAwait(false))?.Trim(), answer, StringComparison.Ordinal))
        {
            return true;
        }

        await Err.WriteLineAsync(declined).ConfigureAwait(false);
        return false;
    }

    /// <summary>Standard output is a terminal that understands ANSI cursor moves: progress can redraw in place (deploy's live display).</summary>
    public bool LiveDisplay { get; init; }

    /// <summary>Where bytes go (<c>files get</c> without <c>-o</c>): the process's standard output; null in tests, where they reach <see cref="Out"/> as UTF-8.</summary>
    public Func<Stream>? StandardOutput { get; init; }

    /// <summary>A stream onto standard output, for bytes rather than text.</summary>
    public Stream OpenStandardOutput() => StandardOutput?.Invoke() ?? new Utf8WriterStream(Out);

    /// <summary>A line typed without echo, through <see cref="HiddenReader"/>.</summary>
    public string ReadHidden() => HiddenReader?.Invoke() ?? In.ReadLine() ?? string.Empty;

    /// <summary>True when ANSI colours make sense: a terminal, and NO_COLOR unset.</summary>
    public bool Colors { get; init; }

    public HfSpacesClient CreateClient(HfSpacesClientOptions options) => createClient(options);

    /// <summary>A command's answer as indented JSON.</summary>
    internal void WriteJson(JsonNode? value) => Out.WriteLine(Json.Text(value, indented: true));

    /// <summary>One JSON object on one line (NDJSON events).</summary>
    internal void WriteJsonLine(JsonNode? value) => Out.WriteLine(Json.Text(value, indented: false));

    /// <summary>A stage in colour: green running, yellow moving, red failed, grey paused.</summary>
    public string Stage(SpaceStage stage)
    {
        var text = Terminal.Safe(stage.ToString());
        if (!Colors)
        {
            return text;
        }

        var color = stage.IsIntermediate ? "33" : text.EndsWith("ERROR", StringComparison.Ordinal) || text == SpaceStage.Values.NoAppFile ? "31" : stage == SpaceStage.Running ? "32" : "90";
        return $"\u001b[{color}m{text}\u001b[0m";
    }
}

/// <summary>An <see cref="IProgress{T}"/> that calls back on the reporting thread (not a captured context, unlike <see cref="Progress{T}"/>).</summary>
internal sealed class InlineProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
