using Microsoft.EntityFrameworkCore;
using OneTimeLink.Sample.Data;

namespace OneTimeLink.Sample.Accounts;

/// <summary>Password reset: the sample's password rule, and the reset itself.</summary>
public sealed partial class EfUserStore
{
    public async ValueTask<IReadOnlyList<string>> ValidatePasswordAsync(string userId, string password, CancellationToken cancellationToken)
    {
        string? email = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.Email).FirstOrDefaultAsync(cancellationToken);
        return email is null ? [] : SamplePasswordPolicy.Problems(email, password);
    }

    public async ValueTask ResetPasswordAsync(string userId, string password, CancellationToken cancellationToken)
    {
        SampleUser? user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == userId, cancellationToken);
        if (user is null)
        {
            return;
        }

        string hash = passwordHasher.HashPassword(user, password);
        string stamp = NewStamp();

        // The new stamp ends every other reset link and every signed-in session; following the link proved the address,
        // so an account still waiting for activation becomes active too.
        await db.Users.Where(u => u.Id == userId)
            .ExecuteUpdateAsync(
                s => s.SetProperty(u => u.PasswordHash, hash).SetProperty(u => u.SecurityStamp, stamp).SetProperty(u => u.IsActive, true),
                cancellationToken);
    }
}
