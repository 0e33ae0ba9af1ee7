using BenchmarkDotNet.Running;

// dotnet run -c Release --project benchmarks/GeneralizationProofs.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(GeneralizationProofs.Benchmarks.Workload).Assembly).Run(args);
