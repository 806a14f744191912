namespace OneTimeLink.Benchmarks;

/// <summary>The four implementations every category compares, built once per benchmark class.</summary>
public abstract class Rows : IDisposable
{
    protected OneTimeLinkRows OneTimeLinkRows { get; set; } = null!;

    protected JsonWebTokenHandlerRows JsonWebTokenHandlerRows { get; private set; } = null!;

    protected IdentityRows IdentityRows { get; private set; } = null!;

    protected FloorRows FloorRows { get; private set; } = null!;

    [BenchmarkDotNet.Attributes.GlobalSetup]
    public virtual void GlobalSetup()
    {
        OneTimeLinkRows = new OneTimeLinkRows();
        JsonWebTokenHandlerRows = new JsonWebTokenHandlerRows();
        IdentityRows = new IdentityRows();
        FloorRows = new FloorRows();
    }

    [BenchmarkDotNet.Attributes.GlobalCleanup]
    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            OneTimeLinkRows?.Dispose();
            IdentityRows?.Dispose();
            FloorRows?.Dispose();
        }
    }
}
