using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace HfSpaces.Generators.Tests;

/// <summary>
/// Every C# block of the README compiles against the SDK, the manifests library and the emulator, as a program of its
/// own (a block may leave <c>hub</c>, <c>id</c>, <c>services</c>, <c>configuration</c>… to the reader; they are provided,
/// and a block's own declarations win). A block the test cannot compile says why, in a comment above it.
/// </summary>
public sealed partial class ReadmeTests
{
    private const string Usings = """
        using System;
        using System.Collections.Generic;
        using System.Linq;
        using System.Threading;
        using System.Threading.Tasks;
        using HfSpaces;
        using HfSpaces.Manifests;
        using Microsoft.Extensions.Configuration;
        using Microsoft.Extensions.DependencyInjection;
        using static ReadmePrelude;

        """;

    /// <summary>What the README's fragments take for granted.</summary>
    private const string Prelude = """

        internal static class ReadmePrelude
        {
            public static HfSpacesClient hub => null!;
            public static SpaceId id => default;
            public static SpaceRuntime runtime => null!;
            public static IServiceCollection services => new ServiceCollection();
            public static IConfiguration configuration => new ConfigurationBuilder().Build();
            public static IServiceProvider provider => services.BuildServiceProvider();
        }

        internal static class Assert
        {
            public static void Contains<T>(IEnumerable<T> items, Func<T, bool> match) { }
        }
        """;

    public static TheoryData<int, string> CSharpBlocks()
    {
        var data = new TheoryData<int, string>();
        foreach (var (line, code) in Blocks("csharp"))
        {
            data.Add(line, code);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(CSharpBlocks))]
    public void A_csharp_block_of_the_readme_compiles(int line, string code)
    {
        var compilation = CSharpCompilation.Create(
            $"ReadmeBlockAtLine{line}",
            [CSharpSyntaxTree.ParseText(Usings + code + Prelude, new CSharpParseOptions(LanguageVersion.Latest))],
            TestReferences.Except("HfSpaces.Generators"),
            new CSharpCompilationOptions(OutputKind.ConsoleApplication, nullableContextOptions: NullableContextOptions.Enable));

        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString()).ToList();

        Assert.True(errors.Count == 0, $"README.md line {line} does not compile:\n{string.Join("\n", errors)}\n{code}");
    }

    [Fact]
    public void The_readme_has_csharp_blocks_to_check() => Assert.True(Blocks("csharp").Count() >= 5);

    /// <summary>The fenced blocks of a language, with their first line, except those marked <c>&lt;!-- not compiled: … --&gt;</c> just above.</summary>
    private static IEnumerable<(int Line, string Code)> Blocks(string language)
    {
        var lines = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "README.md"));
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].Trim() != "```" + language)
            {
                continue;
            }

            var skipped = i > 0 && SkipMarker().IsMatch(lines[i - 1]);
            var end = Array.FindIndex(lines, i + 1, l => l.Trim() == "```");
            if (!skipped)
            {
                yield return (i + 1, string.Join('\n', lines[(i + 1)..end]));
            }

            i = end;
        }
    }

    [GeneratedRegex(@"^<!-- not compiled: .+ -->$")]
    private static partial Regex SkipMarker();
}
