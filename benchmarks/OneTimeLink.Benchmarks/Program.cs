using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using OneTimeLink.Benchmarks;

// dotnet run -c Release --project benchmarks/OneTimeLink.Benchmarks [-- --quick] [BenchmarkDotNet arguments, e.g. --filter '*Redeem*']
bool quick = args.Contains("--quick", StringComparer.Ordinal);
string[] rest = [.. args.Where(a => !string.Equals(a, "--quick", StringComparison.Ordinal))];
if (!rest.Contains("--filter", StringComparer.Ordinal) && !rest.Contains("-f", StringComparer.Ordinal) && !rest.Contains("--list", StringComparer.Ordinal))
{
    rest = [.. rest, "--filter", "*"];
}

Summary[] summaries = [.. BenchmarkSwitcher.FromAssembly(typeof(BenchmarkConfig).Assembly).Run(rest, BenchmarkConfig.Create(quick))];

// A row that threw or was not run must fail the command (CI runs the quick mode to prove every row works).
return summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success)) ? 1 : 0;
