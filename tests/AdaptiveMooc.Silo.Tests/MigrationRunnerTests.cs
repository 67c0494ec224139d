using AdaptiveMooc.Silo.Migrations;
using AdaptiveMooc.Tests.Shared;
using Npgsql;

namespace AdaptiveMooc.Silo.Tests;

public sealed class MigrationRunnerTests
{
    // Every key the 10.4.x ADO.NET providers read from OrleansQuery (CleanupDefunctSiloEntryKey is optional for them).
    private static readonly string[] OrleansQueryKeys =
    [
        "UpdateIAmAlivetimeKey", "InsertMembershipVersionKey", "InsertMembershipKey", "UpdateMembershipKey",
        "GatewaysQueryKey", "MembershipReadRowKey", "MembershipReadAllKey", "DeleteMembershipTableEntriesKey",
        "CleanupDefunctSiloEntriesKey", "CleanupDefunctSiloEntryKey",
        "WriteToStorageKey", "ReadFromStorageKey", "ClearStorageKey", "DeleteStorageKey",
        "UpsertReminderRowKey", "ReadReminderRowsKey", "ReadRangeRows1Key", "ReadRangeRows2Key",
        "ReadReminderRowKey", "DeleteReminderRowKey", "DeleteReminderRowsKey",
    ];

    [Fact]
    public void Embedded_migrations_are_numbered_and_ordered()
    {
        var versions = MigrationRunner.Embedded.Select(m => m.Version).ToList();
        Assert.Contains("0001_orleans_query", versions);
        Assert.All(versions, v => Assert.Matches("^[0-9]{4}_[a-z0-9_]+$", v));
        Assert.Equal(versions.Order(StringComparer.Ordinal), versions);
    }

    [Fact]
    public async Task Applying_twice_changes_nothing()
    {
        await using var db = await TestDatabase.CreateAsync();
        var runner = new MigrationRunner(db.DataSource);

        var first = await runner.ApplyAsync();
        var recorded = await ReadAsync(db, "SELECT version || ' ' || checksum || ' ' || applied_at FROM schema_migrations ORDER BY version");
        var schema = await SchemaAsync(db);
        var second = await runner.ApplyAsync();

        Assert.Equal(MigrationRunner.Embedded.Select(m => m.Version), first);
        Assert.Empty(second);
        Assert.Equal(recorded, await ReadAsync(db, "SELECT version || ' ' || checksum || ' ' || applied_at FROM schema_migrations ORDER BY version"));
        Assert.Equal(schema, await SchemaAsync(db));
    }

    [Fact]
    public async Task A_newer_binary_upgrades_an_older_database()
    {
        await using var db = await TestDatabase.CreateAsync();
        var runner = new MigrationRunner(db.DataSource);
        var older = MigrationRunner.Embedded.Take(2).ToList();

        Assert.Equal(older.Select(m => m.Version), await runner.ApplyAsync(older));
        var upgraded = await runner.ApplyAsync();

        Assert.Equal(MigrationRunner.Embedded.Skip(2).Select(m => m.Version), upgraded);
        Assert.Equal(
            MigrationRunner.Embedded.Select(m => $"{m.Version} {m.Checksum}"),
            await ReadAsync(db, "SELECT version || ' ' || checksum FROM schema_migrations ORDER BY version"));
    }

    [Fact]
    public async Task Every_query_the_Orleans_providers_need_is_installed()
    {
        await using var db = await MigratedDatabase.CreateAsync();

        var keys = await ReadAsync(db, "SELECT querykey FROM orleansquery");

        Assert.Empty(OrleansQueryKeys.Except(keys));
    }

    [Fact]
    public async Task A_migration_edited_after_it_was_applied_stops_the_run()
    {
        await using var db = await MigratedDatabase.CreateAsync();
        var edited = MigrationRunner.Embedded
            .Select((m, i) => i == 0 ? m with { Sql = m.Sql + "\n-- edited\n" } : m)
            .ToList();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => new MigrationRunner(db.DataSource).ApplyAsync(edited));

        Assert.Contains(edited[0].Version, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failing_migration_leaves_no_trace()
    {
        await using var db = await MigratedDatabase.CreateAsync();
        var broken = new Migration("9999_broken", "CREATE TABLE half_done (id int); SELECT 1 / 0;");

        await Assert.ThrowsAsync<InvalidOperationException>(
            () => new MigrationRunner(db.DataSource).ApplyAsync([.. MigrationRunner.Embedded, broken]));

        Assert.Empty(await ReadAsync(db, "SELECT tablename FROM pg_tables WHERE tablename = 'half_done'"));
        Assert.Empty(await ReadAsync(db, "SELECT version FROM schema_migrations WHERE version = '9999_broken'"));
    }

    [Fact]
    public async Task Silos_starting_together_apply_each_migration_once()
    {
        await using var db = await TestDatabase.CreateAsync();
        var sources = Enumerable.Range(0, 4).Select(_ => NpgsqlDataSource.Create(db.ConnectionString)).ToList();
        try
        {
            var results = await Task.WhenAll(sources.Select(s => new MigrationRunner(s).ApplyAsync()));

            Assert.Equal(MigrationRunner.Embedded.Select(m => m.Version), results.SelectMany(r => r).Order(StringComparer.Ordinal));
        }
        finally
        {
            foreach (var source in sources)
            {
                await source.DisposeAsync();
            }
        }
    }

    private static async Task<List<string>> ReadAsync(TestDatabase db, string sql)
    {
        await using var command = db.DataSource.CreateCommand(sql);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
        {
            rows.Add(Convert.ToString(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture)!);
        }

        return rows;
    }

    private static async Task<List<string>> SchemaAsync(TestDatabase db) =>
    [
        .. await ReadAsync(db, """
            SELECT table_name || '.' || column_name || ':' || data_type FROM information_schema.columns
            WHERE table_schema = 'public' ORDER BY 1
            """),
        .. await ReadAsync(db, "SELECT indexname FROM pg_indexes WHERE schemaname = 'public' ORDER BY 1"),
        .. await ReadAsync(db, "SELECT proname FROM pg_proc WHERE pronamespace = 'public'::regnamespace ORDER BY 1"),
        .. await ReadAsync(db, "SELECT querykey || md5(querytext) FROM orleansquery ORDER BY 1"),
    ];
}
