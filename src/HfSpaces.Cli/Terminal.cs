namespace HfSpaces.Cli;

/// <summary>
/// Text from the Hub made safe for a terminal: a log line or a description can carry ANSI escapes (retitle the window,
/// clear the screen), a bell or a carriage return that rewrites the line. Every control character except a tab becomes
/// U+FFFD before it is printed; the CLI's own colours are added after.
/// </summary>
internal static class Terminal
{
    public static string Safe(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text ?? string.Empty;
        }

        var span = text.AsSpan();
        if (!span.ContainsAnyInRange('\u0000', '\u001f') && !span.ContainsAnyInRange('\u007f', '\u009f'))
        {
            return text;
        }

        return string.Create(text.Length, text, static (chars, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                var c = source[i];
                chars[i] = c == '\t' || !char.IsControl(c) ? c : '\uFFFD';
            }
        });
    }
}
