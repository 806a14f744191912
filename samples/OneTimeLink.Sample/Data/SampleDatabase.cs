using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace OneTimeLink.Sample.Data;

/// <summary>Where the SQLite file lives, and its creation on first run.</summary>
public static class SampleDatabase
{
    public static string ConnectionString(IConfiguration configuration, IHostEnvironment environment)
    {
        var connection = new SqliteConnectionStringBuilder(configuration.GetConnectionString("Sample") ?? "Data Source=onetimelink-sample.db");
        if (!Path.IsPathRooted(connection.DataSource) && connection.DataSource != ":memory:")
        {
            connection.DataSource = Path.Combine(environment.ContentRootPath, connection.DataSource);
        }

        return connection.ToString();
    }

    /// <summary>
    /// Creates the schema when the file is new. A sample with two tables has no migration history worth keeping;
    /// an application that evolves its schema uses EF Core migrations instead.
    /// </summary>
    public static async Task EnsureCreatedAsync(IServiceProvider services)
    {
        await using AsyncServiceScope scope = services.CreateAsyncScope();
        SampleDbContext db = scope.ServiceProvider.GetRequiredService<SampleDbContext>();
        try
        {
            await db.Database.EnsureCreatedAsync();
        }
        catch (SqliteException)
        {
            // Another instance sharing the file created the schema between our check and our CREATE TABLE; once it
            // has, EnsureCreated finds the tables and does nothing. A real error fails again here.
            await db.Database.EnsureCreatedAsync();
        }

        // WAL lets two app instances share the file (the scale-out test) without "database is locked" on every write.
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
    }
}
