using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using System.Runtime.InteropServices;
using HfSpaces.Emulator;
using HfSpaces.Emulator.State;

// hf-spaces-emulator [--port 5000] [--user demo] [--token hf_emulator] [--space ID]... [--seed FILE]
var portOption = new Option<int>("--port")
{
    Description = "The port to listen on (0 picks a free one).",
    HelpName = "N",
    DefaultValueFactory = _ => 5000,
    CustomParser = r => int.TryParse(r.Tokens[0].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n <= 65535
        ? n
        : Refuse<int>(r, $"--port '{r.Tokens[0].Value}' is not a port number (0 to 65535)."),
};
var userOption = new Option<string>("--user")
{
    Description = "The account to create; it owns NAME/demo and NAME/static-site.",
    HelpName = "NAME",
    DefaultValueFactory = _ => "demo",
    CustomParser = r => r.Tokens[0].Value is var name && !name.Contains('/', StringComparison.Ordinal) && !string.IsNullOrWhiteSpace(name)
        ? name
        : Refuse<string>(r, $"--user '{r.Tokens[0].Value}' is not an account name."),
};
var tokenOption = new Option<string>("--token") { Description = "The token that authenticates it.", HelpName = "TOKEN", DefaultValueFactory = _ => "hf_emulator" };
var spaceOption = new Option<string[]>("--space")
{
    Description = "One more running gradio Space, namespace/name (repeatable).",
    HelpName = "ID",
    CustomParser = r => r.Tokens.Select(t => t.Value.Split('/') is [{ Length: > 0 }, { Length: > 0 }] ? t.Value : Refuse<string>(r, $"--space '{t.Value}' is not namespace/name.")).ToArray(),
};
var seedOption = new Option<string?>("--seed") { Description = "Accounts, Spaces and files from a JSON file, added to the above (see the HfSpaces.Emulator README).", HelpName = "FILE" };
var root = new RootCommand("The Hugging Face Hub's Space API on 127.0.0.1, in memory, for tests and demos. Ctrl+C or SIGTERM stops it.")
{
    portOption, userOption, tokenOption, spaceOption, seedOption,
};
var parsed = root.Parse(args);
if (parsed.Errors.Count > 0)
{
    // One line, as the CLI writes its usage errors.
    return Fail($"{parsed.Errors[0].Message.TrimEnd('.')}. Run with --help.", 2);
}

if (parsed.Action is not null)
{
    return await parsed.InvokeAsync(); // --help, --version: the root itself has no action (it is the program below)
}

var port = parsed.GetValue(portOption);
var user = parsed.GetValue(userOption)!;
var spaces = new List<SpaceSeed> { new($"{user}/demo"), new($"{user}/static-site", Sdk: "static") };
spaces.AddRange((parsed.GetValue(spaceOption) ?? []).Select(id => new SpaceSeed(id)));

EmulatorSeed? seed = null;
if (parsed.GetValue(seedOption) is { } seedFile)
{
    try
    {
        seed = EmulatorSeed.Read(seedFile);
    }
    catch (Exception e) when (e is FormatException or IOException or UnauthorizedAccessException)
    {
        return Fail($"--seed: {e.Message}", 2);
    }
}

var token = parsed.GetValue(tokenOption)!;
HfSpacesEmulator emulator;
try
{
    emulator = await HfSpacesEmulator.StartAsync(new EmulatorOptions
    {
        Port = port,
        Accounts = new Dictionary<string, string> { [user] = token },
        Spaces = spaces,
    });
    seed?.ApplyTo(emulator.Hub);
}
catch (IOException e)
{
    return Fail($"cannot listen on port {port} ({e.Message.TrimEnd('.')}): pick another with --port, or 0 for a free one.", 1);
}
catch (ArgumentException e)
{
    return Fail($"--seed: {e.Message}", 2);
}

await using (emulator)
{
    var more = seed is null ? string.Empty : $"; from the seed file {seed.Accounts.Count} account(s) and {seed.Spaces.Count} Space(s)";
    Console.WriteLine($"Hugging Face Hub emulator on {emulator.Endpoint} — account '{user}', Spaces {string.Join(", ", spaces.Select(s => s.Id))}{more}.");
    Console.WriteLine($"Try: HF_ENDPOINT={emulator.Endpoint.ToString().TrimEnd('/')} HF_TOKEN=<token> hf-spaces runtime {user}/demo");
    Console.WriteLine("Ctrl+C (or SIGTERM) stops it.");
    var stop = new TaskCompletionSource<PosixSignal>(TaskCreationOptions.RunContinuationsAsynchronously);
    using var onInterrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
    using var onTerminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
    var signal = await stop.Task;
    Console.WriteLine($"{signal}: stopping.");

    void Stop(PosixSignalContext context)
    {
        // The emulator stops itself (disposal below) instead of the runtime killing the process mid-request.
        context.Cancel = true;
        stop.TrySetResult(context.Signal);
    }
}

return 0;

static T Refuse<T>(ArgumentResult result, string message)
{
    result.AddError(message);
    return default!;
}

static int Fail(string message, int code)
{
    Console.Error.WriteLine("error: " + message);
    return code;
}
