using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OneTimeLink.Sample.Data;

namespace OneTimeLink.Sample.Accounts;

/// <summary>Password sign-in, for <c>POST /login</c>.</summary>
public sealed partial class EfUserStore
{
    /// <summary>Checks a sign-in: the user when the password matches, whatever their activation state.</summary>
    public async ValueTask<SampleUser?> VerifyPasswordAsync(string email, string password, CancellationToken cancellationToken)
    {
        string normalized = Normalize(email);
        SampleUser? user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.NormalizedEmail == normalized, cancellationToken);
        if (user is null)
        {
            // Hash anyway, so an unknown address takes as long to refuse as a wrong password.
            passwordHasher.HashPassword(new SampleUser { Id = string.Empty, Email = email, NormalizedEmail = normalized, SecurityStamp = string.Empty }, password);
            return null;
        }

        PasswordVerificationResult result = passwordHasher.VerifyHashedPassword(user, user.PasswordHash, password);
        if (result == PasswordVerificationResult.SuccessRehashNeeded)
        {
            // Upgrade the hash only if nothing changed since it was read: a reset in between keeps its new password.
            string hash = passwordHasher.HashPassword(user, password);
            await db.Users.Where(u => u.Id == user.Id && u.SecurityStamp == user.SecurityStamp && u.PasswordHash == user.PasswordHash)
                .ExecuteUpdateAsync(s => s.SetProperty(u => u.PasswordHash, hash), cancellationToken);
        }

        return result == PasswordVerificationResult.Failed ? null : user;
    }
}
