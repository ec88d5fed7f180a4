using HfSpaces.Emulator;
using HfSpaces.Emulator.State;

namespace HfSpaces.Cli.Tests;

/// <summary>
/// What the CLI's command tests share: an emulator of their own (alice, with <see cref="Seeds"/>: alice/demo and the
/// static alice/site unless a class says otherwise; stages instant) and the CLI run in process on it, with its output,
/// errors and exit code.
/// </summary>
public abstract class CliTest : IAsyncLifetime
{
    protected const string Token = "hf_cli_test_token_123";

    protected HfSpacesEmulator Emulator { get; private set; } = null!;

    /// <summary>The Spaces the emulator starts with.</summary>
    protected virtual SpaceSeed[] Seeds => [new SpaceSeed("alice/demo"), new SpaceSeed("alice/site", Sdk: "static")];

    /// <summary>True: every run is alice's without <c>--token</c> (a class whose commands are all hers).</summary>
    protected virtual bool SignedIn => false;

    /// <summary>The run's stdout is a terminal that can redraw (deploy's live display).</summary>
    protected bool LiveDisplay { get; set; }

    public async Task InitializeAsync() =>
        Emulator = await HfSpacesEmulator.StartAsync(new EmulatorOptions
        {
            Timings = StageTimings.Instant,
            Accounts = new Dictionary<string, string> { ["alice"] = Token },
            Spaces = Seeds,
        });

    public async Task DisposeAsync() => await Emulator.DisposeAsync();

    protected Task<(int Code, string Out, string Err)> RunWithInput(string stdin, params string[] args) => RunWithInput(stdin, interactive: false, args);

    protected async Task<(int Code, string Out, string Err)> RunWithInput(string stdin, bool interactive, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var cli = new CliContext(output, error, new StringReader(stdin), options => new HfSpacesClient(new HfSpacesClientOptions
        {
            Endpoint = options.Endpoint ?? Emulator.Endpoint,
            Token = options.Token ?? (SignedIn ? Token : null),
            UseImplicitToken = false,
            MaxRetries = 0,
        }))
        {
            Interactive = interactive,
            LiveDisplay = LiveDisplay,
        };
        var code = await HfSpacesCli.RunAsync(args, cli);
        return (code, output.ToString(), error.ToString());
    }

    protected Task<(int Code, string Out, string Err)> Run(params string[] args) => RunWithInput(string.Empty, args);

    protected static string[] Auth(params string[] args) => [.. args, "--token", Token];
}
