using Npgsql;

namespace AdaptiveMooc.Api.Tests.Security;

/// <summary>
/// The attack of issue 16, finding 6: whoever holds the credentials the API and silos run with (a leaked
/// configuration, an injection) tries to erase the audit trail. Every attempt runs inside a transaction
/// that is rolled back, so a success would not harm the shared platform; the test fails if any succeeds.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class DatabaseRightsTests(PlatformFixture fixture)
{
    [Theory]
    [InlineData("TRUNCATE audit_log")]
    [InlineData("ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only")]
    [InlineData("ALTER TABLE audit_log DISABLE TRIGGER ALL")]
    [InlineData("SET session_replication_role = replica")]
    [InlineData("DROP TRIGGER audit_log_append_only ON audit_log")]
    [InlineData("UPDATE audit_log SET detail = 'rewritten'")]
    [InlineData("DELETE FROM audit_log")]
    [InlineData("DROP TABLE audit_log")]
    [InlineData("CREATE TABLE intruder (id int)")]
    [InlineData("TRUNCATE xapi_statements")]
    [InlineData("UPDATE schema_migrations SET checksum = 'x'")]
    [InlineData("ALTER ROLE CURRENT_USER SUPERUSER")]
    public async Task The_runtime_role_cannot_erase_the_audit_log_or_change_the_schema(string attack)
    {
        var error = await Assert.ThrowsAsync<PostgresException>(() => RunAndRollBackAsync(attack));
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, error.SqlState);
    }

    [Fact]
    public async Task The_runtime_role_may_append_to_and_read_the_audit_log()
    {
        await RunAndRollBackAsync("INSERT INTO audit_log (at, actor_kind, actor_id, action, target) VALUES (now(), 'Admin', 'rights-test', 'test', 'none')");
        await RunAndRollBackAsync("SELECT count(*) FROM audit_log");
    }

    [Fact]
    public async Task The_platform_connects_as_a_role_that_is_not_a_superuser()
    {
        await using var connection = new NpgsqlConnection(fixture.Platform.RuntimeConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT rolsuper OR rolcreaterole OR rolcreatedb OR rolbypassrls FROM pg_roles WHERE rolname = current_user", connection);
        Assert.False((bool)(await command.ExecuteScalarAsync())!);
    }

    [Fact]
    public async Task The_schema_belongs_to_an_owner_role_that_is_not_a_superuser()
    {
        // The silo's migration step ran the scripts as the owner role (SET ROLE), so it owns every table.
        await using var connection = new NpgsqlConnection(fixture.Platform.RuntimeConnectionString);
        await connection.OpenAsync();
        await using var owners = new NpgsqlCommand("SELECT array_agg(DISTINCT tableowner::text) FROM pg_tables WHERE schemaname = 'public'", connection);
        Assert.Equal([fixture.Platform.OwnerRole], (string[])(await owners.ExecuteScalarAsync())!);
        await using var powers = new NpgsqlCommand("SELECT rolsuper OR rolcreaterole OR rolcreatedb OR rolbypassrls OR rolcanlogin FROM pg_roles WHERE rolname = $1", connection);
        powers.Parameters.Add(new NpgsqlParameter<string> { TypedValue = fixture.Platform.OwnerRole });
        Assert.False((bool)(await powers.ExecuteScalarAsync())!);
    }

    private async Task RunAndRollBackAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(fixture.Platform.RuntimeConnectionString);
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        await command.ExecuteNonQueryAsync();
        await transaction.RollbackAsync();
    }
}
