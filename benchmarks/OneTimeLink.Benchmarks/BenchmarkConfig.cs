using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Exporters;
using BenchmarkDotNet.Exporters.Csv;
using Perfolizer.Horology;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace OneTimeLink.Benchmarks;

/// <summary>
/// The two modes. Both run in-process: nothing is generated, restored or built at run time, so a run needs nothing
/// beyond the project's own restore. Full is BenchmarkDotNet's default job (published numbers); quick is a short job
/// that proves every row builds and runs (CI smoke), in well under three minutes on two cores. Allocation comes from
/// each class's <c>[MemoryDiagnoser]</c>; one summary joins the categories, each with its own baseline.
/// </summary>
public static class BenchmarkConfig
{
    public static IConfig Create(bool quick)
    {
        Job job = quick
            ? Job.Default.WithId("Quick").WithLaunchCount(1).WithWarmupCount(1).WithIterationCount(3).WithIterationTime(TimeInterval.FromMilliseconds(100))
            : Job.Default.WithId("Full");

        return ManualConfig.CreateEmpty()
            .AddJob(job.WithToolchain(InProcessEmitToolchain.Instance))
            .AddColumnProvider(DefaultColumnProviders.Instance)
            .AddColumn(CategoriesColumn.Default, new TokenLengthColumn())
            .AddLogger(BenchmarkDotNet.Loggers.ConsoleLogger.Default)
            .AddExporter(MarkdownExporter.GitHub, CsvExporter.Default)
            .AddAnalyser(BenchmarkDotNet.Analysers.EnvironmentAnalyser.Default, BenchmarkDotNet.Analysers.OutliersAnalyser.Default, BenchmarkDotNet.Analysers.MinIterationTimeAnalyser.Default)
            .AddValidator(BenchmarkDotNet.Validators.BaselineValidator.FailOnError, BenchmarkDotNet.Validators.JitOptimizationsValidator.FailOnError)
            .AddLogicalGroupRules(BenchmarkLogicalGroupRule.ByCategory, BenchmarkLogicalGroupRule.ByParams)
            .WithOptions(ConfigOptions.JoinSummary);
    }
}
