using System.Net;
using Microsoft.Data.Sqlite;
using OneTimeLink.Sample.Tests.Infrastructure;

namespace OneTimeLink.Sample.Tests;

/// <summary>The SQLite file: made on first run, and remade in Development when an older sample made it.</summary>
public sealed class SampleDatabaseTests
{
    /// <summary>The schema of the sample before its mailbox had a kind and a code, without a version.</summary>
    private const string OldSchema = """
        CREATE TABLE "Mailbox" ("Id" INTEGER NOT NULL CONSTRAINT "PK_Mailbox" PRIMARY KEY AUTOINCREMENT, "To" TEXT NOT NULL, "Subject" TEXT NOT NULL, "Body" TEXT NOT NULL, "Link" TEXT NULL, "SentAt" INTEGER NOT NULL);
        CREATE TABLE "Users" ("Id" TEXT NOT NULL CONSTRAINT "PK_Users" PRIMARY KEY, "Email" TEXT NOT NULL, "NormalizedEmail" TEXT NOT NULL, "PasswordHash" TEXT NOT NULL, "IsActive" INTEGER NOT NULL, "SecurityStamp" TEXT NOT NULL, "CreatedAt" INTEGER NOT NULL);
        CREATE UNIQUE INDEX "IX_Users_NormalizedEmail" ON "Users" ("NormalizedEmail");
        INSERT INTO "Mailbox" ("To", "Subject", "Body", "Link", "SentAt") VALUES ('old@example.com', 'Activate your account', 'old', NULL, 0);
        """;

    [Fact]
    public async Task Start_OnAFileFromAnOlderSample_InDevelopment_RecreatesTheSchema()
    {
        string path = Path.Combine(Path.GetTempPath(), $"onetimelink-sample-old-{Guid.NewGuid():N}.db");
        try
        {
            await using (var old = new SqliteConnection($"Data Source={path}"))
            {
                await old.OpenAsync();
                await using SqliteCommand create = old.CreateCommand();
                create.CommandText = OldSchema;
                await create.ExecuteNonQueryAsync();
            }

            await using var factory = new SampleFactory(settings: new Dictionary<string, string?> { ["ConnectionStrings:Sample"] = $"Data Source={path}" });
            using HttpClient client = factory.CreateClient();
            var mailbox = new DevMailbox(client);

            (await mailbox.ReadAsync()).Should().BeEmpty("the old file's rows went with its old schema");
            await client.RegisterActiveAsync(mailbox, "ann@example.com");
            (await client.LoginAsync("ann@example.com", SampleClient.Password)).StatusCode.Should().Be(HttpStatusCode.OK);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            foreach (string file in new[] { path, path + "-wal", path + "-shm" })
            {
                File.Delete(file);
            }
        }
    }
}
