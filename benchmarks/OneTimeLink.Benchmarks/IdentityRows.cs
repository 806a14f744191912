using System.Collections.Concurrent;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace OneTimeLink.Benchmarks;

/// <summary>
/// ASP.NET Core Identity's <see cref="DataProtectorTokenProvider{TUser}"/>, the provider behind email confirmation and
/// password reset tokens: a minimal <see cref="UserManager{TUser}"/> over an in-memory user, ephemeral data protection.
/// Its tokens are not single-use, so "redeem" records the token text, as the other rows record the <c>jti</c>.
/// </summary>
public sealed class IdentityRows : IDisposable
{
    private readonly UserManager<BenchmarkUser> _users;
    private readonly DataProtectorTokenProvider<BenchmarkUser> _provider;
    private readonly ServiceProvider _services = new ServiceCollection().BuildServiceProvider();
    private ConcurrentDictionary<string, byte> _redeemed = new(StringComparer.Ordinal);

    public IdentityRows()
    {
        User = new BenchmarkUser { Id = LinkClaims.Subject, UserName = "ann@example.com", SecurityStamp = Guid.NewGuid().ToString("N") };
        _users = new UserManager<BenchmarkUser>(
            new BenchmarkUserStore(User),
            Options.Create(new IdentityOptions()),
            new PasswordHasher<BenchmarkUser>(),
            [],
            [],
            new UpperInvariantLookupNormalizer(),
            new IdentityErrorDescriber(),
            _services,
            NullLogger<UserManager<BenchmarkUser>>.Instance);
        _provider = new DataProtectorTokenProvider<BenchmarkUser>(
            new EphemeralDataProtectionProvider(),
            Options.Create(new DataProtectionTokenProviderOptions { TokenLifespan = LinkClaims.Lifetime }),
            NullLogger<DataProtectorTokenProvider<BenchmarkUser>>.Instance);
    }

    public BenchmarkUser User { get; }

    public void ResetStore() => _redeemed = new ConcurrentDictionary<string, byte>(StringComparer.Ordinal);

    public Task<string> IssueAsync(string purpose = LinkClaims.Purpose) => _provider.GenerateAsync(purpose, _users, User);

    public Task<bool> ValidateAsync(string token) => _provider.ValidateAsync(LinkClaims.Purpose, token, _users, User);

    public async Task<bool> RedeemAsync(string token) =>
        await ValidateAsync(token).ConfigureAwait(false) && _redeemed.TryAdd(token, 0);

    public void Dispose()
    {
        _users.Dispose();
        _services.Dispose();
    }
}
