using BenchmarkDotNet.Running;

// dotnet run -c Release --project tests/HfSpaces.Benchmarks -- --filter '*'        (all)
// dotnet run -c Release --project tests/HfSpaces.Benchmarks -- --filter '*Runtime*' (the client only)
BenchmarkSwitcher.FromAssembly(typeof(HfSpaces.Benchmarks.FleetBenchmarks).Assembly).Run(args);
