using System.Globalization;
using System.Runtime.InteropServices;
using HfSpaces.Emulator;
using HfSpaces.Emulator.State;

// Standalone: dotnet run --project src/HfSpaces.Emulator -- [--port 5000] [--user demo] [--token hf_emulator]
const string Usage = """
    Usage: HfSpaces.Emulator [--port N] [--user NAME] [--token TOKEN]

    The Hugging Face Hub's Space API on 127.0.0.1, in memory, for tests and demos.
      --port N        the port to listen on (default 5000; 0 picks a free one)
      --user NAME     the account to create (default demo); it owns NAME/demo and NAME/static-site
      --token TOKEN   the token that authenticates it (default hf_emulator)
      --help          this text
    Ctrl+C or SIGTERM stops it.
    """;

var known = new[] { "--port", "--user", "--token" };
if (args.Contains("--help") || args.Contains("-h"))
{
    Console.WriteLine(Usage);
    return 0;
}

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

var token = ArgValue("--token") ?? "hf_emulator";
HfSpacesEmulator emulator;
try
{
    emulator = await HfSpacesEmulator.StartAsync(new EmulatorOptions
    {
        Port = port,
        Accounts = new Dictionary<string, string> { [user] = token },
        Spaces = [new SpaceSeed($"{user}/demo"), new SpaceSeed($"{user}/static-site", Sdk: "static")],
    });
}
catch (IOException e)
{
    return Fail($"cannot listen on port {port} ({e.Message.TrimEnd('.')}): pick another with --port, or 0 for a free one.", 1);
}

await using (emulator)
{
    Console.WriteLine($"Hugging Face Hub emulator on {emulator.Endpoint} — account '{user}', Spaces {user}/demo and {user}/static-site.");
    Console.WriteLine($"Try: HF_ENDPOINT={emulator.Endpoint.ToString().TrimEnd('/')} HF_TOKEN=<token> dotnet run --project src/HfSpaces.Cli -- runtime {user}/demo");
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
