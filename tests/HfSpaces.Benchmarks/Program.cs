using BenchmarkDotNet.Running;

// dotnet run -c Release --project tests/HfSpaces.Benchmarks -- --filter '*'        (all)
// dotnet run -c Release --project tests/HfSpaces.Benchmarks -- --filter '*Runtime*' (the client only)
// dotnet run -c Release --project tests/HfSpaces.Benchmarks -- probe [CALLERS] [ROUNDS]  (client CPU, bytes, calls/s, server apart)
// dotnet run -c Release --project tests/HfSpaces.Benchmarks -- breakdown           (where a call's client work goes, piece by piece)
// dotnet run -c Release --project tests/HfSpaces.Benchmarks -- logs                (log stream MiB/s and memory vs a line reader)
// dotnet run -c Release --project tests/HfSpaces.Benchmarks -- wait                (wait lateness on a fake clock: a table)
// dotnet run -c Release --project tests/HfSpaces.Benchmarks -- sync                (requests and bytes when one file of 500 changes)
// dotnet run -c Release --project tests/HfSpaces.Benchmarks -- lfs [ROUNDS]        (a 1 GiB LFS commit vs a bare PUT: MiB/s, peak RSS)
// dotnet run -c Release --project tests/HfSpaces.Benchmarks -- deploy ROUNDS SCRIPT CLI [--or CLI]  (200 files: hf-spaces deploy vs huggingface.js uploadFiles)
// dotnet run -c Release --project tests/HfSpaces.Benchmarks -- loop CALL CLIENT SECONDS [CALLERS]  (one client in a loop, for a profiler)
if (args is ["serve"])
{
    await HfSpaces.Benchmarks.RemoteHub.ServeAsync();
    return;
}

if (args is ["probe", ..])
{
    var callers = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 16;
    var rounds = args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 7;
    Console.Write(await HfSpaces.Benchmarks.CallProbe.RunAsync(callers: callers, rounds: rounds));
    return;
}

if (args is ["loop", var call, var client, var seconds, ..])
{
    var loopCallers = args.Length > 4 ? int.Parse(args[4], System.Globalization.CultureInfo.InvariantCulture) : 16;
    await HfSpaces.Benchmarks.CallProbe.LoopAsync(call, client, TimeSpan.FromSeconds(int.Parse(seconds, System.Globalization.CultureInfo.InvariantCulture)), loopCallers);
    return;
}

if (args is ["logs"])
{
    Console.Write(await HfSpaces.Benchmarks.LogThroughput.TableAsync());
    return;
}

if (args is ["breakdown"])
{
    Console.Write(await HfSpaces.Benchmarks.Breakdown.TableAsync());
    return;
}

if (args is ["sync"])
{
    Console.Write(await HfSpaces.Benchmarks.SyncCost.TableAsync());
    return;
}

if (args is ["lfs", ..])
{
    Console.Write(await HfSpaces.Benchmarks.LfsThroughput.TableAsync(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 3));
    return;
}

if (args is ["lfs-client", var lfsMode, var lfsEndpoint, var lfsFile])
{
    await HfSpaces.Benchmarks.LfsThroughput.ClientAsync(lfsMode, new Uri(lfsEndpoint), lfsFile);
    return;
}

if (args is ["deploy", var deployRounds, var nodeScript, .. var cli] && cli.Length > 0)
{
    // Several ways to run hf-spaces, separated by "--or": /path/hf-spaces --or dotnet /path/hf-spaces.dll
    var clis = string.Join('\n', cli).Split("\n--or\n").Select(c => c.Split('\n')).ToList();
    Console.Write(await HfSpaces.Benchmarks.DeployCompare.TableAsync(clis, nodeScript, int.Parse(deployRounds, System.Globalization.CultureInfo.InvariantCulture)));
    return;
}

if (args is ["wait"])
{
    Console.Write(await HfSpaces.Benchmarks.WaitLateness.TableAsync());
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(HfSpaces.Benchmarks.FleetBenchmarks).Assembly).Run(args);
