using System.Runtime.InteropServices;
using HfSpaces.Emulator;
using HfSpaces.Emulator.State;

// Standalone: dotnet run --project src/HfSpaces.Emulator -- [--port 5000] [--user demo] [--token hf_emulator]
var port = ArgValue("--port") is { } p ? int.Parse(p, System.Globalization.CultureInfo.InvariantCulture) : 5000;
var user = ArgValue("--user") ?? "demo";
var token = ArgValue("--token") ?? "hf_emulator";

await using var emulator = await HfSpacesEmulator.StartAsync(new EmulatorOptions
{
    Port = port,
    Accounts = new Dictionary<string, string> { [user] = token },
    Spaces = [new SpaceSeed($"{user}/demo"), new SpaceSeed($"{user}/static-site", Sdk: "static")],
});
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

string? ArgValue(string name)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
}
