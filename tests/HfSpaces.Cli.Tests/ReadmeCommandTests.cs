using System.Text;

namespace HfSpaces.Cli.Tests;

/// <summary>Every <c>hf-spaces …</c> command the README shows is a valid command line: its command, arguments and options exist.</summary>
public sealed class ReadmeCommandTests
{
    public static TheoryData<string> ReadmeCommands()
    {
        var data = new TheoryData<string>();
        foreach (var command in Commands())
        {
            data.Add(command);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ReadmeCommands))]
    public void A_command_of_the_readme_parses(string command)
    {
        var cli = new CliContext(TextWriter.Null, TextWriter.Null, TextReader.Null, o => new HfSpacesClient(o));

        var parsed = HfSpacesCli.Root(cli).Parse(Split(command)[1..]);

        Assert.True(parsed.Errors.Count == 0, $"README: '{command}': {string.Join("; ", parsed.Errors.Select(e => e.Message))}");
    }

    [Fact]
    public void The_readme_shows_commands_of_every_group() =>
        Assert.All(new[] { "create", "list", "delete", "plan", "apply", "export", "fleet pause", "wait", "secrets set" }, c => Assert.Contains(Commands(), x => x.StartsWith("hf-spaces " + c, StringComparison.Ordinal)));

    /// <summary>The <c>hf-spaces</c> command lines of the README's plain code blocks, comments cut, <c>;</c> and <c>&amp;&amp;</c> split.</summary>
    internal static List<string> Commands()
    {
        var readme = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "README.md"));
        var commands = new List<string>();
        var inBlock = false;
        foreach (var raw in readme)
        {
            if (raw.TrimStart().StartsWith("```", StringComparison.Ordinal))
            {
                inBlock = !inBlock;
                continue;
            }

            if (!inBlock)
            {
                continue;
            }

            var line = raw.Trim();
            var comment = line.IndexOf("  #", StringComparison.Ordinal);
            line = comment >= 0 ? line[..comment].Trim() : line;
            foreach (var part in line.Split([" ; ", " && ", " | "], StringSplitOptions.TrimEntries))
            {
                if (part.StartsWith("hf-spaces ", StringComparison.Ordinal) && !part.EndsWith('…'))
                {
                    commands.Add(part);
                }
            }
        }

        return commands;
    }

    /// <summary>Shell words: spaces split, single and double quotes group.</summary>
    internal static string[] Split(string command)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        char? quote = null;
        var any = false;
        foreach (var c in command)
        {
            if (quote is { } q)
            {
                if (c == q)
                {
                    quote = null;
                }
                else
                {
                    word.Append(c);
                }
            }
            else if (c is '\'' or '"')
            {
                quote = c;
                any = true;
            }
            else if (c == ' ')
            {
                if (word.Length > 0 || any)
                {
                    words.Add(word.ToString());
                    word.Clear();
                    any = false;
                }
            }
            else
            {
                word.Append(c);
            }
        }

        if (word.Length > 0 || any)
        {
            words.Add(word.ToString());
        }

        return [.. words];
    }
}
