using System.Globalization;
using System.Runtime.InteropServices;
using HfSpaces.Emulator;
using HfSpaces.Emulator.State;

// hf-spaces-emulator [--port 5000] [--user demo] [--token hf_emulator] [--space ID]... [--seed FILE]
const string Usage = """
    Usage: hf-spaces-emulator [--port N] [--user NAME] [--token TOKEN] [--space ID]... [--seed FILE]

    The Hugging Face Hub's Space API on 127.0.0.1, in memory, for tests and demos.
      --port N        the port to listen on (default 5000; 0 picks a free one)
      --user NAME     the account to create (default demo); it owns NAME/demo and NAME/static-site
      --token TOKEN   the token that authenticates it (default hf_emulator)
      --space ID      one more running gradio Space, namespace/name (repeatable)
      --seed FILE     accounts and Spaces from a JSON file, added to the above; see the HfSpaces.Emulator README
      --help          this text
    Ctrl+C or SIGTERM stops it.
    """;

if (args.Contains("--help") || args.Contains("-h"))
{
    Console.WriteLine(Usage);
    return 0;
}

var known = new[] { "--port", "--user", "--token", "--space", "--seed" };
for (var i = 0; i < args.Length; i += 2)
{
    if (Array.IndexOf(known, args[i]) < 0)
    {
        return Fail($"unknown option '{args[i]}'. Run with --help.", 2);
    }

    if (i + 1 >= args.Length || args[i + 1].StartsWith("--", StringComparison.Ordinal))
    {
        return Fail($"{args[i]} needs a value. Run with --help.", 2);
    }
}

var portText = ArgValue("--port") ?? "5000";
if (!int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port > 65535)
{
    return Fail($"--port '{portText}' is not a port number (0 to 65535).", 2);
}

var user = ArgValue("--user") ?? "demo";
if (user.Contains('/', StringComparison.Ordinal) || string.IsNullOrWhiteSpace(user))
{
    return Fail($"--user '{user}' is not an account name.", 2);
}

var spaces = new List<SpaceSeed> { new($"{user}/demo"), new($"{user}/static-site", Sdk: "static") };
for (var i = 0; i < args.Length; i += 2)
{
    if (args[i] == "--space")
    {
        if (args[i + 1].Split('/') is not [{ Length: > 0 }, { Length: > 0 }])
        {
            return Fail($"--space '{args[i + 1]}' is not namespace/name.", 2);
        }

        spaces.Add(new SpaceSeed(args[i + 1]));
    }
}

EmulatorSeed? seed = null;
if (ArgValue("--seed") is { } seedFile)
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

var token = ArgValue("--token") ?? "hf_emulator";
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

string? ArgValue(string name)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
}

static int Fail(string message, int code)
{
    Console.Error.WriteLine("error: " + message);
    return code;
}
