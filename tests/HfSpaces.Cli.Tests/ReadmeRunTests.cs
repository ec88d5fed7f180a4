using HfSpaces.Emulator;
using HfSpaces.Emulator.State;

namespace HfSpaces.Cli.Tests;

[CollectionDefinition(nameof(ReadmeRunTests), DisableParallelization = true)]
public sealed class WorkingDirectoryCollection;

/// <summary>
/// Every <c>hf-spaces …</c> command of the README, run in the README's order against an emulator seeded as the README
/// assumes (alice with alice/demo; the acme organization with acme/chat, acme/docs and acme/demo-1), from a working
/// directory of its own holding the folders it deploys (./app) (the manifest commands read and write spaces.yaml there). Each one must succeed as written —
/// plan may say "changes pending" (2) — with no error on stderr (prompts and warnings go there). Where a command asks,
/// the answer is typed.
/// </summary>
[Collection(nameof(ReadmeRunTests))]
public sealed class ReadmeRunTests : IAsyncLifetime
{
    private const string Token = "hf_readme_alice";
    private readonly string _directory = Directory.CreateTempSubdirectory("hfspaces-readme-").FullName;
    private HfSpacesEmulator _emulator = null!;

    /// <summary>What a person types when a README command asks (a confirmation, a secret's value).</summary>
    private static readonly Dictionary<string, string> Answers = new(StringComparer.Ordinal)
    {
        ["hf-spaces delete alice/chat"] = "alice/chat\n",
        ["hf-spaces secrets set alice/demo OPENAI_API_KEY"] = "sk-readme-value\n",
        ["hf-spaces demo --space alice/demo"] = "yes\n",
        ["hf-spaces apply"] = "yes\n",
    };

    public async Task InitializeAsync()
    {
        _emulator = await HfSpacesEmulator.StartAsync(new EmulatorOptions
        {
            Timings = new StageTimings(TimeSpan.FromMilliseconds(150), TimeSpan.FromMilliseconds(100)),
            Spaces = [new SpaceSeed("alice/demo"), new SpaceSeed("acme/chat", Hardware: "t4-small"), new SpaceSeed("acme/docs", Sdk: "static"), new SpaceSeed("acme/demo-1", Hardware: "a10g-small")],
        });
        _emulator.Hub.AddAccount("alice", Token, "acme");

        // The app folder the README deploys (./app), and the site of its manifest's acme/docs (./site).
        Directory.CreateDirectory(Path.Combine(_directory, "app"));
        File.WriteAllText(Path.Combine(_directory, "app", "app.py"), "import gradio as gr\n\ngr.Interface(lambda x: x, \"text\", \"text\").launch()\n");
        File.WriteAllText(Path.Combine(_directory, "app", "requirements.txt"), "gradio\n");
        Directory.CreateDirectory(Path.Combine(_directory, "site"));
        File.WriteAllText(Path.Combine(_directory, "site", "index.html"), "<p>docs</p>\n");
    }

    public async Task DisposeAsync()
    {
        await _emulator.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task Every_command_of_the_readme_runs_as_written_against_the_emulator()
    {
        var commands = ReadmeCommandTests.Commands();
        Assert.True(commands.Count >= 25, $"only {commands.Count} commands found in the README");
        var previous = Environment.CurrentDirectory;
        Environment.CurrentDirectory = _directory;
        Environment.SetEnvironmentVariable("OPENAI_API_KEY", "sk-readme-create");
        try
        {
            foreach (var command in commands)
            {
                using var output = new StringWriter();
                using var error = new StringWriter();
                var answer = Answers.GetValueOrDefault(command);
                var cli = new CliContext(output, error, new StringReader(answer ?? string.Empty), options => new HfSpacesClient(new HfSpacesClientOptions
                {
                    Endpoint = options.Endpoint ?? _emulator.Endpoint,
                    Token = options.Token ?? Token,
                    UseImplicitToken = false,
                    ApplicationId = options.ApplicationId,
                }))
                {
                    Interactive = answer is not null && !command.Contains("secrets set", StringComparison.Ordinal),
                };
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));

                var code = await HfSpacesCli.RunAsync([.. ReadmeCommandTests.Split(command)[1..], "--token", Token], cli, timeout.Token);

                var allowed = command.StartsWith("hf-spaces plan", StringComparison.Ordinal) ? new[] { ExitCodes.Success, 2 } : [ExitCodes.Success];
                Assert.True(allowed.Contains(code), $"README: '{command}' exited {code}\n{error}\n{output}");
                // Prompts and warnings go to stderr too; an error never may.
                Assert.DoesNotContain("error:", error.ToString(), StringComparison.Ordinal);
            }
        }
        finally
        {
            Environment.CurrentDirectory = previous;
            Environment.SetEnvironmentVariable("OPENAI_API_KEY", null);
        }

        // The README's Spaces changed as it says: the secret is set with the typed value, alice/chat is gone.
        Assert.Equal("sk-readme-value", _emulator.Hub.SecretValue("alice/demo", "OPENAI_API_KEY"));
        Assert.False(_emulator.Hub.Exists("alice/chat"));
        Assert.True(File.Exists(Path.Combine(_directory, "spaces.yaml")));
        // export --with-files wrote acme/chat's files where its manifest's source: names them.
        Assert.Equal(_emulator.Hub.FileContent("acme/chat", "README.md"), File.ReadAllBytes(Path.Combine(_directory, "acme", "chat", "README.md")));
        // deploy sent ./app, and files get read it back.
        Assert.Equal(File.ReadAllText(Path.Combine(_directory, "app", "app.py")), File.ReadAllText(Path.Combine(_directory, "app.copy.py")));
    }
}
