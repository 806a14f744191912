using BenchmarkDotNet.Running;
using OneTimeLink.Benchmarks;

// dotnet run -c Release --project benchmarks/OneTimeLink.Benchmarks [-- --quick] [BenchmarkDotNet arguments, e.g. --filter '*Redeem*']
bool quick = args.Contains("--quick", StringComparer.Ordinal);
string[] rest = [.. args.Where(a => !string.Equals(a, "--quick", StringComparison.Ordinal))];
if (!rest.Contains("--filter", StringComparer.Ordinal) && !rest.Contains("-f", StringComparer.Ordinal))
{
    rest = [.. rest, "--filter", "*"];
}

BenchmarkSwitcher.FromAssembly(typeof(BenchmarkConfig).Assembly).Run(rest, BenchmarkConfig.Create(quick));
