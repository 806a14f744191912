using Microsoft.EntityFrameworkCore;

namespace OneTimeLink.Sample.Data;

public sealed class SampleDbContext(DbContextOptions<SampleDbContext> options) : DbContext(options)
{
    public DbSet<SampleUser> Users => Set<SampleUser>();

    public DbSet<MailboxMessage> Mailbox => Set<MailboxMessage>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<SampleUser>(user =>
        {
            user.HasKey(u => u.Id);
            user.HasIndex(u => u.NormalizedEmail).IsUnique();
            user.Property(u => u.Email).HasMaxLength(254);
            user.Property(u => u.NormalizedEmail).HasMaxLength(254);

            // SQLite cannot order by DateTimeOffset; unix milliseconds keep ordering and precision.
            user.Property(u => u.CreatedAt).HasConversion(v => v.ToUnixTimeMilliseconds(), v => DateTimeOffset.FromUnixTimeMilliseconds(v));
        });

        modelBuilder.Entity<MailboxMessage>(message =>
        {
            message.HasKey(m => m.Id);
            message.Property(m => m.Kind).HasMaxLength(32);
            message.Property(m => m.SentAt).HasConversion(v => v.ToUnixTimeMilliseconds(), v => DateTimeOffset.FromUnixTimeMilliseconds(v));
            message.HasIndex(m => m.SentAt);
        });
    }
}
