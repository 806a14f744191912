using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OneTimeLink.AspNetCore;
using OneTimeLink.Sample.Data;

namespace OneTimeLink.Sample.Accounts;

/// <summary>
/// The sample's users in SQLite through EF Core, as both link flows and the sign-in endpoints use them. Passwords are
/// hashed with ASP.NET Core Identity's <see cref="PasswordHasher{TUser}"/>. A user's state is the active flag plus a
/// security stamp, so a link dies once its action is done, when a newer link supersedes it, and when the password
/// changes; the stamp also ends sign-in sessions (<see cref="SessionCookieEvents"/>).
/// </summary>
/// <remarks>
/// Every change that depends on the current state is one conditional <c>ExecuteUpdate</c> (<c>UPDATE … WHERE</c>), so
/// two requests at once cannot both act on what they read a moment before.
/// </remarks>
public sealed partial class EfUserStore(SampleDbContext db, IPasswordHasher<SampleUser> passwordHasher, TimeProvider timeProvider)
    : IUserActivationStore, IPasswordResetStore
{
    public async ValueTask<LinkFlowUser?> FindByIdAsync(string userId, CancellationToken cancellationToken)
    {
        SampleUser? user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == userId, cancellationToken);
        return user is null ? null : ToLinkFlowUser(user);
    }

    public async ValueTask<LinkFlowUser?> FindByEmailAsync(string email, CancellationToken cancellationToken)
    {
        string normalized = Normalize(email);
        SampleUser? user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.NormalizedEmail == normalized, cancellationToken);
        return user is null ? null : ToLinkFlowUser(user);
    }

    /// <summary>The stamp a sign-in cookie was issued with must still be the user's, and the user still active.</summary>
    public async ValueTask<bool> IsSessionCurrentAsync(string userId, string securityStamp, CancellationToken cancellationToken) =>
        await db.Users.AsNoTracking().AnyAsync(u => u.Id == userId && u.IsActive && u.SecurityStamp == securityStamp, cancellationToken);

    private static string Normalize(string email) => email.Trim().ToUpperInvariant();

    private static string NewStamp() => Guid.NewGuid().ToString("N");

    private static LinkFlowUser ToLinkFlowUser(SampleUser user) =>
        new(user.Id, user.Email, user.IsActive, $"{(user.IsActive ? "active" : "inactive")}:{user.SecurityStamp}");
}
