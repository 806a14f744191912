using Microsoft.EntityFrameworkCore;
using OneTimeLink.AspNetCore;
using OneTimeLink.Sample.Data;

namespace OneTimeLink.Sample.Accounts;

/// <summary>Account activation: register, replace a pending registration, activate, renew the stamp for a resent link.</summary>
public sealed partial class EfUserStore
{
    public async ValueTask<LinkFlowUser?> CreateInactiveUserAsync(string email, string password, CancellationToken cancellationToken)
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

        return ToLinkFlowUser(user);
    }

    public async ValueTask<bool> ReplacePendingRegistrationAsync(string userId, string password, CancellationToken cancellationToken)
    {
        SampleUser? user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == userId, cancellationToken);
        if (user is null)
        {
            return false;
        }

        string hash = passwordHasher.HashPassword(user, password);
        string stamp = NewStamp();

        // "Only while inactive" is part of the UPDATE: an activation landing between the read above and this write
        // leaves the account, and the password its owner chose, untouched.
        int replaced = await db.Users.Where(u => u.Id == userId && !u.IsActive)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.PasswordHash, hash).SetProperty(u => u.SecurityStamp, stamp), cancellationToken);
        return replaced == 1;
    }

    public async ValueTask<bool> ActivateAsync(string userId, CancellationToken cancellationToken) =>
        await db.Users.Where(u => u.Id == userId && !u.IsActive)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.IsActive, true), cancellationToken) == 1;

    public async ValueTask RenewStateAsync(string userId, CancellationToken cancellationToken)
    {
        string stamp = NewStamp();
        await db.Users.Where(u => u.Id == userId)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.SecurityStamp, stamp), cancellationToken);
    }
}
