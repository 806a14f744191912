using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace OneTimeLink.Benchmarks;

/// <summary>A summary column with each row's token length in characters (the forged input's, for RejectForged).</summary>
public sealed class TokenLengthColumn : IColumn
{
    public string Id => nameof(TokenLengthColumn);

    public string ColumnName => "Token length";

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => 0;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => "Characters of the token as a link carries it (Identity's URL-escaped); for RejectForged, of the forged input";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, summary.Style);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        string category = benchmarkCase.Descriptor.Categories.FirstOrDefault() ?? string.Empty;
        string? kind = benchmarkCase.Parameters.Items.FirstOrDefault(p => p.Name == nameof(RejectForgedBenchmarks.Kind))?.Value?.ToString();
        return TokenLengths.Of(category, benchmarkCase.Descriptor.WorkloadMethod.Name, kind);
    }

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    public bool IsAvailable(Summary summary) => true;
}
