using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace OneTimeLink.Sample.Data;

/// <summary>Where the SQLite file lives, and its schema: created on first run, recreated in Development when an older sample made it.</summary>
public static partial class SampleDatabase
{
    /// <summary>
    /// The version of the schema <see cref="SampleDbContext"/> describes, kept in SQLite's <c>user_version</c>. Raise it
    /// whenever the model changes. 0 is a file made before versions were kept (the mailbox had no kind then).
    /// </summary>
    private const int SchemaVersion = 2;

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
    /// Creates the schema when the file is new, and recreates it in Development when an older version of the sample made
    /// the file (its rows are throw-away test accounts and mail). A sample with two tables has no migration history worth
    /// keeping; an application whose schema evolves uses EF Core migrations instead, and never drops tables at start-up.
    /// </summary>
    public static async Task EnsureCreatedAsync(IServiceProvider services)
    {
        await using AsyncServiceScope scope = services.CreateAsyncScope();
        SampleDbContext db = scope.ServiceProvider.GetRequiredService<SampleDbContext>();
        IHostEnvironment environment = scope.ServiceProvider.GetRequiredService<IHostEnvironment>();
        ILogger logger = scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SampleDatabase));

        var connection = (SqliteConnection)db.Database.GetDbConnection();
        await connection.OpenAsync();
        try
        {
            // WAL lets two app instances share the file (the scale-out test) without "database is locked" on every
            // write. It is a property of the file, and cannot be changed inside a transaction.
            await ExecuteAsync(connection, "PRAGMA journal_mode=WAL;");

            // BEGIN IMMEDIATE takes the write lock before looking: a second instance starting at the same moment waits
            // here (up to the command timeout), then finds the schema made and does nothing.
            await using SqliteTransaction transaction = connection.BeginTransaction(deferred: false);
            long version = (long)(await ScalarAsync(connection, transaction, "PRAGMA user_version;"))!;
            List<string> tables = await TablesAsync(connection, transaction);
            if (version == SchemaVersion && tables.Count > 0)
            {
                return;
            }

            if (tables.Count > 0)
            {
                if (!environment.IsDevelopment())
                {
                    throw new InvalidOperationException(
                        $"The sample database was made by another version of the sample (schema {version}, this one needs {SchemaVersion}). " +
                        "Delete the file named by ConnectionStrings:Sample to start over; a real application migrates with EF Core migrations.");
                }

                LogRecreating(logger, version, SchemaVersion);
                foreach (string table in tables)
                {
                    await ExecuteAsync(connection, $"DROP TABLE \"{table}\";", transaction);
                }
            }

            await ExecuteAsync(connection, db.Database.GenerateCreateScript(), transaction);
            await ExecuteAsync(connection, $"PRAGMA user_version = {SchemaVersion};", transaction);
            await transaction.CommitAsync();
        }
        finally
        {
            await connection.CloseAsync();
        }
    }

    private static async Task<List<string>> TablesAsync(SqliteConnection connection, SqliteTransaction transaction)
    {
        await using SqliteCommand command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%';";
        var tables = new List<string>();
        await using SqliteDataReader reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            tables.Add(reader.GetString(0));
        }

        return tables;
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql, SqliteTransaction? transaction = null)
    {
        await using SqliteCommand command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<object?> ScalarAsync(SqliteConnection connection, SqliteTransaction transaction, string sql)
    {
        await using SqliteCommand command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }

    [LoggerMessage(1, LogLevel.Warning, "The sample database has schema version {Found}, this sample needs {Needed}: recreated it, without its old accounts and mail (Development only).")]
    private static partial void LogRecreating(ILogger logger, long found, int needed);
}
