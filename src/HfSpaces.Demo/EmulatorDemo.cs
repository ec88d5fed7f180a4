using HfSpaces.Cli;
using HfSpaces.Cli.Commands.Demo;
using HfSpaces.Emulator;
using HfSpaces.Emulator.State;

namespace HfSpaces.Demo;

/// <summary>Starts the Hub emulator in this process and runs the hf-spaces demo on it.</summary>
internal static class EmulatorDemo
{
    internal const string Usage = """
        Runs a whole Space lifecycle through the HfSpaces SDK on a Hub emulator started in this process: no account, no network.
        Usage: dotnet run --project src/HfSpaces.Demo [-- --hardware FLAVOR]
          --hardware FLAVOR  the flavor to request (default t4-small; the emulator bills nothing)
        On your own Space on the real Hub: HF_TOKEN=hf_… hf-spaces demo --space you/your-space
        """;

    public static async Task<int> RunAsync(string[] args, CliContext cli, CancellationToken cancellationToken)
    {
        var hardware = SpaceHardware.Values.T4Small;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--help" or "-h":
                    cli.Out.WriteLine(Usage);
                    return ExitCodes.Success;
                case "--hardware" when i + 1 < args.Length:
                    hardware = args[++i];
                    break;
                default:
                    await cli.Err.WriteLineAsync($"error: unknown argument '{Terminal.Safe(args[i])}'.{Environment.NewLine}{Usage}").ConfigureAwait(false);
                    return ExitCodes.Usage;
            }
        }

        var token = "hf_emulator_" + Guid.NewGuid().ToString("N");
        await using var hub = await HfSpacesEmulator.StartAsync(new EmulatorOptions
        {
            Accounts = new Dictionary<string, string> { [DemoCommand.EmulatorUser] = token },
            Spaces = [new SpaceSeed(DemoCommand.EmulatorSpace), new SpaceSeed(DemoCommand.EmulatorStaticSpace, Sdk: "static")],
        }, cancellationToken).ConfigureAwait(false);
        return await DemoCommand.RunOnEmulatorAsync(cli, hub.Endpoint, token, hardware, cancellationToken).ConfigureAwait(false);
    }
}
