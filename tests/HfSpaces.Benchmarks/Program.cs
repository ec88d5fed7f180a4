using BenchmarkDotNet.Running;

// dotnet run -c Release --project tests/HfSpaces.Benchmarks -- --filter '*'        (all)
// dotnet run -c Release --project tests/HfSpaces.Benchmarks -- --filter '*Runtime*' (the client only)
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
