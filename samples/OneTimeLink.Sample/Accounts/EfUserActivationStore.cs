using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OneTimeLink.AspNetCore;
using OneTimeLink.Sample.Data;

namespace OneTimeLink.Sample.Accounts;

/// <summary>
/// The sample's users in SQLite through EF Core. Passwords are hashed with ASP.NET Core Identity's
/// <see cref="PasswordHasher{TUser}"/>; the activation state is "active/inactive" plus a security stamp, so an
/// activation link dies once it is used and when a newer link supersedes it.
/// </summary>
public sealed class EfUserActivationStore(SampleDbContext db, IPasswordHasher<SampleUser> passwordHasher, TimeProvider timeProvider)
    : IUserActivationStore
{
    public async ValueTask<ActivationUser?> CreateInactiveUserAsync(string email, string password, CancellationToken cancellationToken)
    {
        string normalized = Normalize(email);
        if (await db.Users.AnyAsync(u => u.NormalizedEmail == normalized, cancellationToken))
        {
            return null;
        }

        var user = new SampleUser
        {
            Id = Guid.NewGuid().ToString("N"),
            Email = email,
            NormalizedEmail = normalized,
            SecurityStamp = NewStamp(),
            CreatedAt = timeProvider.GetUtcNow(),
        };
        user.PasswordHash = passwordHasher.HashPassword(user, password);
        db.Users.Add(user);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Two registrations of one address raced: the unique index let the other one win.
            db.ChangeTracker.Clear();
            return null;
        }

        return ToActivationUser(user);
    }

    public async ValueTask<ActivationUser?> FindByIdAsync(string userId, CancellationToken cancellationToken)
    {
        SampleUser? user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == userId, cancellationToken);
        return user is null ? null : ToActivationUser(user);
    }

    public async ValueTask<ActivationUser?> FindByEmailAsync(string email, CancellationToken cancellationToken)
    {
        string normalized = Normalize(email);
        SampleUser? user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.NormalizedEmail == normalized, cancellationToken);
        return user is null ? null : ToActivationUser(user);
    }

    public async ValueTask ActivateAsync(string userId, CancellationToken cancellationToken) =>
        await db.Users.Where(u => u.Id == userId && !u.IsActive)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.IsActive, true), cancellationToken);

    public async ValueTask<string?> GetStateAsync(string userId, CancellationToken cancellationToken)
    {
        var state = await db.Users.AsNoTracking()
            .Where(u => u.Id == userId)
            .Select(u => new { u.IsActive, u.SecurityStamp })
            .FirstOrDefaultAsync(cancellationToken);
        return state is null ? null : $"{(state.IsActive ? "active" : "inactive")}:{state.SecurityStamp}";
    }

    public async ValueTask RenewStateAsync(string userId, CancellationToken cancellationToken)
    {
        string stamp = NewStamp();
        await db.Users.Where(u => u.Id == userId)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.SecurityStamp, stamp), cancellationToken);
    }

    /// <summary>Checks a sign-in: the user when the password matches, whatever their activation state.</summary>
    public async ValueTask<SampleUser?> VerifyPasswordAsync(string email, string password, CancellationToken cancellationToken)
    {
        string normalized = Normalize(email);
        SampleUser? user = await db.Users.FirstOrDefaultAsync(u => u.NormalizedEmail == normalized, cancellationToken);
        if (user is null)
        {
            // Hash anyway, so an unknown address takes as long to refuse as a wrong password.
            passwordHasher.HashPassword(new SampleUser { Id = string.Empty, Email = email, NormalizedEmail = normalized, SecurityStamp = string.Empty }, password);
            return null;
        }

        PasswordVerificationResult result = passwordHasher.VerifyHashedPassword(user, user.PasswordHash, password);
        if (result == PasswordVerificationResult.SuccessRehashNeeded)
        {
            user.PasswordHash = passwordHasher.HashPassword(user, password);
            await db.SaveChangesAsync(cancellationToken);
        }

        return result == PasswordVerificationResult.Failed ? null : user;
    }

    private static string Normalize(string email) => email.Trim().ToUpperInvariant();

    private static string NewStamp() => Guid.NewGuid().ToString("N");

    private static ActivationUser ToActivationUser(SampleUser user) => new(user.Id, user.Email, user.IsActive);
}
