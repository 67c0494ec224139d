using Npgsql;

namespace AdaptiveMooc.Silo.Migrations;

/// <summary>
/// The rights of the role silos and API processes connect with (<c>Mooc:Database:RuntimeRole</c>), granted
/// by the migration step after every run, so tables added by later migrations are covered too: read and
/// write rows of the platform's tables, only SELECT and INSERT on <c>audit_log</c>, only SELECT on
/// <c>schema_migrations</c> and <c>orleansquery</c>. No DDL (no CREATE on the schema, not the owner of any
/// table, so no ALTER TABLE and no DISABLE TRIGGER), no TRUNCATE, no REFERENCES, no TRIGGER. The role
/// must already exist (./mooc up creates it with the password in <c>.data/secrets/pg-app.password</c>).
/// </summary>
public static class RuntimeRole
{
    /// <summary>Tables the runtime may read but never change.</summary>
    private static readonly string[] ReadOnlyTables = ["schema_migrations", "orleansquery"];

    /// <summary>Append-only tables: rows are added and read, never changed or removed.</summary>
    private static readonly string[] AppendOnlyTables = ["audit_log"];

    public static async Task GrantAsync(NpgsqlDataSource dataSource, string role, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        ArgumentException.ThrowIfNullOrWhiteSpace(role);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var quoted = await QuoteAsync(connection, role, cancellationToken);
        var database = await QuoteAsync(connection, connection.Database, cancellationToken);
        var tables = new List<(string Name, string Quoted)>();
        await using (var list = new NpgsqlCommand("SELECT tablename, quote_ident(tablename) FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename", connection))
        await using (var reader = await list.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                tables.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        var sql = new List<string>
        {
            $"GRANT CONNECT ON DATABASE {database} TO {quoted}",
            $"GRANT USAGE ON SCHEMA public TO {quoted}",
            $"REVOKE CREATE ON SCHEMA public FROM {quoted}",
            $"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {quoted}",
            $"GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA public TO {quoted}",
        };
        foreach (var (table, quotedTable) in tables)
        {
            var name = "public." + quotedTable;
            sql.Add($"REVOKE ALL ON {name} FROM {quoted}");
            sql.Add(ReadOnlyTables.Contains(table, StringComparer.Ordinal) ? $"GRANT SELECT ON {name} TO {quoted}"
                : AppendOnlyTables.Contains(table, StringComparer.Ordinal) ? $"GRANT SELECT, INSERT ON {name} TO {quoted}"
                : $"GRANT SELECT, INSERT, UPDATE, DELETE ON {name} TO {quoted}");
        }

        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        foreach (var statement in sql)
        {
            await using var command = new NpgsqlCommand(statement, connection, transaction);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    private static async Task<string> QuoteAsync(NpgsqlConnection connection, string identifier, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT quote_ident($1)", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = identifier });
        return (string)(await command.ExecuteScalarAsync(cancellationToken))!;
    }
}
