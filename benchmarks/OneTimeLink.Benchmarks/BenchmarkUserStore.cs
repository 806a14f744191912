using Microsoft.AspNetCore.Identity;

namespace OneTimeLink.Benchmarks;

/// <summary>Just enough of a user store for <see cref="UserManager{TUser}"/> to issue and check tokens: one user in memory.</summary>
public sealed class BenchmarkUserStore(BenchmarkUser user) : IUserSecurityStampStore<BenchmarkUser>
{
    public Task<string> GetUserIdAsync(BenchmarkUser user, CancellationToken cancellationToken) => Task.FromResult(user.Id);

    public Task<string?> GetUserNameAsync(BenchmarkUser user, CancellationToken cancellationToken) => Task.FromResult<string?>(user.UserName);

    public Task SetUserNameAsync(BenchmarkUser user, string? userName, CancellationToken cancellationToken)
    {
        user.UserName = userName ?? string.Empty;
        return Task.CompletedTask;
    }

    public Task<string?> GetNormalizedUserNameAsync(BenchmarkUser user, CancellationToken cancellationToken) =>
        Task.FromResult<string?>(user.UserName.ToUpperInvariant());

    public Task SetNormalizedUserNameAsync(BenchmarkUser user, string? normalizedName, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<IdentityResult> CreateAsync(BenchmarkUser user, CancellationToken cancellationToken) => Task.FromResult(IdentityResult.Success);

    public Task<IdentityResult> UpdateAsync(BenchmarkUser user, CancellationToken cancellationToken) => Task.FromResult(IdentityResult.Success);

    public Task<IdentityResult> DeleteAsync(BenchmarkUser user, CancellationToken cancellationToken) => Task.FromResult(IdentityResult.Success);

    public Task<BenchmarkUser?> FindByIdAsync(string userId, CancellationToken cancellationToken) =>
        Task.FromResult(userId == user.Id ? user : null);

    public Task<BenchmarkUser?> FindByNameAsync(string normalizedUserName, CancellationToken cancellationToken) =>
        Task.FromResult(normalizedUserName == user.UserName.ToUpperInvariant() ? user : null);

    public Task SetSecurityStampAsync(BenchmarkUser user, string stamp, CancellationToken cancellationToken)
    {
        user.SecurityStamp = stamp;
        return Task.CompletedTask;
    }

    public Task<string?> GetSecurityStampAsync(BenchmarkUser user, CancellationToken cancellationToken) => Task.FromResult(user.SecurityStamp);

    public void Dispose()
    {
    }
}
