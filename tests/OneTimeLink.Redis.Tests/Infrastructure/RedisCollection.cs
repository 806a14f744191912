namespace OneTimeLink.Redis.Tests.Infrastructure;

/// <summary>The tests that share one redis-server; they run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class RedisCollection : ICollectionFixture<RedisFixture>
{
    public const string Name = "redis";
}
