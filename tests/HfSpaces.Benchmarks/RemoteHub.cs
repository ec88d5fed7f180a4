using System.Diagnostics;

namespace HfSpaces.Benchmarks;

/// <summary>
/// <see cref="LoopbackHub"/> in a process of its own (this assembly with <c>serve</c>), so what a benchmark measures in its
/// process — CPU time, allocations — is the client's alone.
/// </summary>
internal sealed class RemoteHub : IDisposable
{
    private readonly Process _process;

    private RemoteHub(Process process, Uri endpoint)
    {
        _process = process;
        Endpoint = endpoint;
    }

    public Uri Endpoint { get; }

    public static RemoteHub Start()
    {
        var start = new ProcessStartInfo("dotnet", [typeof(RemoteHub).Assembly.Location, "serve"])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        // A profiler attached to this process (dotnet-trace sets a diagnostic port) is not for the server.
        start.Environment.Remove("DOTNET_DiagnosticPorts");
        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start the loopback Hub");
        if (Environment.ProcessorCount >= 2 && (OperatingSystem.IsLinux() || OperatingSystem.IsWindows()))
        {
            // The server on the last core, the client (see CallProbe) on the others: the client's CPU time is its own.
            process.ProcessorAffinity = (nint)(1L << (Environment.ProcessorCount - 1));
        }

        var line = process.StandardOutput.ReadLine() ?? throw new InvalidOperationException("the loopback Hub exited before listening");
        return new RemoteHub(process, new Uri(line));
    }

    /// <summary>This process on every core but the server's (see <see cref="Start"/>).</summary>
    public static void KeepOffTheServersCore()
    {
        if (Environment.ProcessorCount >= 2 && (OperatingSystem.IsLinux() || OperatingSystem.IsWindows()))
        {
            Process.GetCurrentProcess().ProcessorAffinity = (nint)((1L << (Environment.ProcessorCount - 1)) - 1);
        }
    }

    /// <summary>The <c>serve</c> side: listen, print the endpoint, stop when stdin closes.</summary>
    public static async Task ServeAsync()
    {
        await using var hub = await LoopbackHub.StartAsync();
        Console.WriteLine(hub.Endpoint);
        await Console.In.ReadToEndAsync();
    }

    public void Dispose()
    {
        _process.StandardInput.Close();
        if (!_process.WaitForExit(5000))
        {
            _process.Kill();
        }

        _process.Dispose();
    }
}
