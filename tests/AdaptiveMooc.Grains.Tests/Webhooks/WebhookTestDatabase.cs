using AdaptiveMooc.Tests.Shared;
using Npgsql;

namespace AdaptiveMooc.Grains.Tests.Webhooks;

/// <summary>A fresh PostgreSQL database with the webhook migrations (0050-0054) applied; fails loudly without MOOC_TEST_DB.</summary>
public sealed class WebhookTestDatabase : IAsyncLifetime
{
    private TestDatabase? database;

    public NpgsqlDataSource DataSource => database!.DataSource;

    public async Task InitializeAsync() =>
        database = await TestDatabase.CreateAsync(async (db, ct) =>
        {
            foreach (var file in Directory.GetFiles(MigrationsFolder(), "005*.sql").Order(StringComparer.Ordinal))
            {
                await using var command = db.CreateCommand(await File.ReadAllTextAsync(file, ct));
                await command.ExecuteNonQueryAsync(ct);
            }
        });

    public async Task DisposeAsync()
    {
        if (database is not null)
        {
            await database.DisposeAsync();
        }
    }

    private static string MigrationsFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "silo", "AdaptiveMooc.Silo", "Migrations");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("silo/AdaptiveMooc.Silo/Migrations not found above " + AppContext.BaseDirectory);
    }
}
