namespace OneTimeLink.Redis.Tests.Infrastructure;

/// <summary>
/// The tests that bound how long a refused redemption takes. They run one after another and after every other test of
/// the assembly, so the sample processes and servers the other tests start do not load the machine under their bounds.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class OutageCollection
{
    public const string Name = "outage";
}
