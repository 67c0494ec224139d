using AdaptiveMooc.Grains.Abstractions.Security;
using AdaptiveMooc.Grains.Security;
using Npgsql;

namespace AdaptiveMooc.Grains.Tests.Security;

/// <summary>Against a real PostgreSQL (MOOC_TEST_DB), in a database of its own with migration 0020 applied.</summary>
public sealed class PostgresAuditStoreTests : IAsyncLifetime
{
    private readonly string database = "audit_" + Guid.NewGuid().ToString("N");
    private NpgsqlDataSource? admin;
    private NpgsqlDataSource? dataSource;

    public async Task InitializeAsync()
    {
        var connectionString = Environment.GetEnvironmentVariable("MOOC_TEST_DB")
            ?? throw new InvalidOperationException("MOOC_TEST_DB is not set: these tests need PostgreSQL (./mooc test provides it).");
        admin = NpgsqlDataSource.Create(connectionString);
        await using (var create = admin.CreateCommand($"CREATE DATABASE \"{database}\""))
        {
            await create.ExecuteNonQueryAsync();
        }

        dataSource = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(connectionString) { Database = database }.ConnectionString);
        await using var migrate = dataSource.CreateCommand(await File.ReadAllTextAsync(MigrationPath()));
        await migrate.ExecuteNonQueryAsync();
    }

    public async Task DisposeAsync()
    {
        if (dataSource is not null)
        {
            await dataSource.DisposeAsync();
        }

        if (admin is not null)
        {
            await using (var drop = admin.CreateCommand($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)"))
            {
                await drop.ExecuteNonQueryAsync();
            }

            await admin.DisposeAsync();
        }
    }

    [Fact]
    public async Task Appends_and_lists_newest_first_with_every_field()
    {
        var store = new PostgresAuditStore(dataSource!);
        var at = new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);
        await store.AppendAsync(new AuditEntry(at, "Admin", "admin", "trainer.create", "trainer:grace", null), default);
        await store.AppendAsync(new AuditEntry(at.AddSeconds(1), "Trainer", "grace", "course.publish", "course:intro", "{\"v\":2}"), default);

        var page = await store.ListAsync(10, null, default);
        Assert.Equal(2, page.Count);
        Assert.Equal(new AuditEntry(at.AddSeconds(1), "Trainer", "grace", "course.publish", "course:intro", "{\"v\":2}"), page[0].Entry);
        Assert.Equal(new AuditEntry(at, "Admin", "admin", "trainer.create", "trainer:grace", null), page[1].Entry);

        var older = await store.ListAsync(10, page[0].Sequence, default);
        Assert.Equal("trainer:grace", Assert.Single(older).Entry.Target);
    }

    [Fact]
    public async Task Search_filters_in_the_database_and_pages_within_the_filter()
    {
        var store = new PostgresAuditStore(dataSource!);
        await using (var indexes = dataSource!.CreateCommand(await File.ReadAllTextAsync(MigrationPath().Replace("0020_audit.sql", "0070_audit_filters.sql", StringComparison.Ordinal))))
        {
            await indexes.ExecuteNonQueryAsync();
        }

        var at = new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);
        for (var i = 1; i <= 6; i++)
        {
            var actor = i % 2 == 0 ? "grace" : "admin";
            var action = i <= 3 ? "course.publish" : "apiKey.create";
            await store.AppendAsync(new AuditEntry(at.AddMinutes(i), "Admin", actor, action, $"t:{i}", null), default);
        }

        async Task<string[]> TargetsAsync(AuditFilter filter, int limit = 10, long? before = null) =>
            [.. (await store.SearchAsync(filter, limit, before, default)).Select(r => r.Entry.Target)];

        Assert.Equal(["t:6", "t:4", "t:2"], await TargetsAsync(new AuditFilter(ActorId: "grace")));
        Assert.Equal(["t:3", "t:2", "t:1"], await TargetsAsync(new AuditFilter(Action: "course.")));
        Assert.Equal(["t:6", "t:5", "t:4"], await TargetsAsync(new AuditFilter(Action: "apiKey.create")));
        Assert.Empty(await TargetsAsync(new AuditFilter(Action: "course")));
        Assert.Equal(["t:5"], await TargetsAsync(new AuditFilter(Target: "t:5")));
        Assert.Equal(["t:4", "t:3"], await TargetsAsync(new AuditFilter(From: at.AddMinutes(3), To: at.AddMinutes(5))));
        Assert.Equal(["t:5"], await TargetsAsync(new AuditFilter(ActorId: "admin", Action: "apiKey.")));

        var first = await store.SearchAsync(new AuditFilter(ActorId: "admin"), 2, null, default);
        Assert.Equal(["t:5", "t:3"], first.Select(r => r.Entry.Target));
        Assert.Equal(["t:1"], await TargetsAsync(new AuditFilter(ActorId: "admin"), 2, first[^1].Sequence));
    }

    [Fact]
    public async Task The_table_refuses_updates_and_deletes()
    {
        var store = new PostgresAuditStore(dataSource!);
        await store.AppendAsync(new AuditEntry(DateTimeOffset.UtcNow, "Admin", "admin", "apiKey.revoke", "apiKey:x", null), default);

        await using var update = dataSource!.CreateCommand("UPDATE audit_log SET actor_id = 'someone-else'");
        await Assert.ThrowsAsync<PostgresException>(() => update.ExecuteNonQueryAsync());
        await using var delete = dataSource.CreateCommand("DELETE FROM audit_log");
        await Assert.ThrowsAsync<PostgresException>(() => delete.ExecuteNonQueryAsync());
    }

    private static string MigrationPath()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "silo", "AdaptiveMooc.Silo", "Migrations", "0020_audit.sql");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException("silo/AdaptiveMooc.Silo/Migrations/0020_audit.sql not found above the test binaries.");
    }
}
