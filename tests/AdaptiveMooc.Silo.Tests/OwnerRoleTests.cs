using AdaptiveMooc.Silo.Migrations;
using AdaptiveMooc.Tests.Shared;
using Npgsql;

namespace AdaptiveMooc.Silo.Tests;

/// <summary>
/// Issue 16, finding 6: migrations run as an owner role that is not a superuser, on a fresh database and on
/// one an earlier version migrated as the superuser (everything owned by <c>postgres</c>).
/// </summary>
public sealed class OwnerRoleTests
{
    /// <summary>A script that records who runs it.</summary>
    private static readonly Migration Probe = new("9999_owner_probe", "CREATE TABLE owner_probe AS SELECT current_user::text AS who");

    [Fact]
    public async Task Migrations_of_a_fresh_database_run_as_the_owner_role_which_is_no_superuser()
    {
        await using var db = await TestDatabase.CreateAsync();
        var role = db.Name + "_owner";
        try
        {
            await OwnerRole.AdoptAsync(db.DataSource, role);
            var applied = await new MigrationRunner(db.DataSource) { Role = role }.ApplyAsync([.. MigrationRunner.Embedded, Probe]);

            Assert.Equal([.. MigrationRunner.Embedded.Select(m => m.Version), Probe.Version], applied);
            await AssertOwnedByAsync(db, role);
        }
        finally
        {
            await DropRoleAsync(db, role);
        }
    }

    [Fact]
    public async Task A_database_migrated_as_the_superuser_is_taken_over_and_upgraded_as_the_owner_role()
    {
        // As the previous code left it: the first migrations applied by postgres, so postgres owns the
        // tables and functions, and 0062 (ALTER TABLE xapi_statements) is still to come.
        await using var db = await TestDatabase.CreateAsync();
        var role = db.Name + "_owner";
        var older = MigrationRunner.Embedded.Where(m => string.CompareOrdinal(m.Version, "0062") < 0).ToList();
        await new MigrationRunner(db.DataSource).ApplyAsync(older);
        Assert.Contains("postgres", await ReadAsync(db, "SELECT DISTINCT tableowner FROM pg_tables WHERE schemaname = 'public'"));
        try
        {
            await OwnerRole.AdoptAsync(db.DataSource, role);
            await OwnerRole.AdoptAsync(db.DataSource, role);
            var applied = await new MigrationRunner(db.DataSource) { Role = role }.ApplyAsync([.. MigrationRunner.Embedded, Probe]);

            Assert.Equal([.. MigrationRunner.Embedded.Skip(older.Count).Select(m => m.Version), Probe.Version], applied);
            await AssertOwnedByAsync(db, role);

            // The connection is the superuser's again after the run (the runtime grants follow on it).
            Assert.Equal(["postgres"], await ReadAsync(db, "SELECT current_user::text"));
        }
        finally
        {
            await DropRoleAsync(db, role);
        }
    }

    private static async Task AssertOwnedByAsync(TestDatabase db, string role)
    {
        Assert.Equal([role], await ReadAsync(db, "SELECT who FROM owner_probe"));
        Assert.Equal(["false"], await ReadAsync(db, $"SELECT (rolsuper OR rolcreaterole OR rolcreatedb OR rolreplication OR rolbypassrls OR rolcanlogin)::text FROM pg_roles WHERE rolname = '{role}'"));
        var owners = await ReadAsync(db, """
            SELECT DISTINCT pg_get_userbyid(c.relowner)::text FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm', 'S')
            UNION SELECT DISTINCT pg_get_userbyid(p.proowner)::text FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'public'
            """);
        Assert.Equal([role], owners);
    }

    private static async Task<List<string>> ReadAsync(TestDatabase db, string sql)
    {
        var values = new List<string>();
        await using var connection = await db.DataSource.OpenConnectionAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }

    private static async Task DropRoleAsync(TestDatabase db, string role)
    {
        // The role owns objects of this database only: drop them (and its grants) there, then the role.
        if ((await ReadAsync(db, $"SELECT rolname::text FROM pg_roles WHERE rolname = '{role}'")).Count > 0)
        {
            await using var connection = await db.DataSource.OpenConnectionAsync();
            await using var drop = new NpgsqlCommand($"DROP OWNED BY \"{role}\"", connection);
            await drop.ExecuteNonQueryAsync();
        }

        await using var server = new NpgsqlConnection(TestDatabase.ServerConnectionString);
        await server.OpenAsync();
        await using var dropRole = new NpgsqlCommand($"DROP ROLE IF EXISTS \"{role}\"", server);
        await dropRole.ExecuteNonQueryAsync();
    }
}
