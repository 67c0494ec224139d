using Npgsql;

namespace AdaptiveMooc.Grains.Tests.Forums;

/// <summary>
/// A fresh PostgreSQL database per test class with the social migrations (0030-0039) applied from
/// silo/AdaptiveMooc.Silo/Migrations. Fails loudly without MOOC_TEST_DB: these tests must not pass by
/// not running.
/// </summary>
public sealed class SocialTestDatabase : IAsyncLifetime
{
    private readonly string name = "social_" + Guid.NewGuid().ToString("N")[..16];
    private string adminConnection = string.Empty;

    public NpgsqlDataSource DataSource { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        adminConnection = Environment.GetEnvironmentVariable("MOOC_TEST_DB")
            ?? throw new InvalidOperationException("MOOC_TEST_DB is not set: PostgreSQL tests need a server (./mooc test provides one).");
        await using (var admin = NpgsqlDataSource.Create(adminConnection))
        {
            await using var create = admin.CreateCommand($"CREATE DATABASE \"{name}\"");
            await create.ExecuteNonQueryAsync();
        }

        DataSource = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(adminConnection) { Database = name }.ConnectionString);
        foreach (var file in Directory.GetFiles(MigrationsFolder(), "003*.sql").Order(StringComparer.Ordinal))
        {
            await using var command = DataSource.CreateCommand(await File.ReadAllTextAsync(file));
            await command.ExecuteNonQueryAsync();
        }
    }

    public async Task DisposeAsync()
    {
        await DataSource.DisposeAsync();
        NpgsqlConnection.ClearAllPools();
        await using var admin = NpgsqlDataSource.Create(adminConnection);
        await using var drop = admin.CreateCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
        await drop.ExecuteNonQueryAsync();
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

        throw new DirectoryNotFoundException("silo/AdaptiveMooc.Silo/Migrations not found above the test binaries.");
    }
}
