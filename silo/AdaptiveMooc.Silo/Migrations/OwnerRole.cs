using Npgsql;

namespace AdaptiveMooc.Silo.Migrations;

/// <summary>
/// The role that owns the platform's schema objects and runs the migrations (<c>Mooc:Database:OwnerRole</c>,
/// docs/SECURITY.md "Part B: database rights"): not a superuser, no CREATEDB, CREATEROLE, REPLICATION or
/// BYPASSRLS, no login (the migration step, connected as the superuser, switches to it with
/// <c>SET ROLE</c>). <see cref="AdoptAsync"/> creates it when missing, lets it create in schema
/// <c>public</c> and hands it every table, view, sequence and routine of that schema another role still
/// owns, so a database migrated before this role existed (everything owned by <c>postgres</c>) is taken
/// over the same way as a fresh one is created. Running it again changes nothing.
/// </summary>
public static class OwnerRole
{
    public static async Task AdoptAsync(NpgsqlDataSource dataSource, string role, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        ArgumentException.ThrowIfNullOrWhiteSpace(role);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var quoted = await ScalarAsync<string>(connection, "SELECT quote_ident($1)", role, cancellationToken);
        if (await ScalarAsync<bool?>(connection, "SELECT rolsuper OR rolcreaterole OR rolcreatedb OR rolreplication OR rolbypassrls FROM pg_roles WHERE rolname = $1", role, cancellationToken) is not { } powerful)
        {
            try
            {
                await ExecuteAsync(connection, $"CREATE ROLE {quoted} NOLOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS", cancellationToken);
            }
            catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.DuplicateObject or PostgresErrorCodes.UniqueViolation)
            {
                // Created meanwhile by a migration step on another database of the same server.
            }
        }
        else if (powerful)
        {
            throw new InvalidOperationException($"Mooc:Database:OwnerRole '{role}' must not be a superuser or hold CREATEROLE, CREATEDB, REPLICATION or BYPASSRLS.");
        }

        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await ExecuteAsync(connection, $"GRANT USAGE, CREATE ON SCHEMA public TO {quoted}", cancellationToken);

        // Tables and views first: a table's owner change carries its serial and identity sequences along.
        foreach (var statement in await ListAsync(connection, role, """
            SELECT format('ALTER %s public.%I OWNER TO %I',
                          CASE c.relkind WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW' ELSE 'TABLE' END, c.relname, $1)
            FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm') AND pg_get_userbyid(c.relowner) <> $1
            ORDER BY c.relname
            """, cancellationToken))
        {
            await ExecuteAsync(connection, statement, cancellationToken);
        }

        foreach (var statement in await ListAsync(connection, role, """
            SELECT format('ALTER SEQUENCE public.%I OWNER TO %I', c.relname, $1)
            FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = 'public' AND c.relkind = 'S' AND pg_get_userbyid(c.relowner) <> $1
              AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype IN ('a', 'i'))
            ORDER BY c.relname
            """, cancellationToken))
        {
            await ExecuteAsync(connection, statement, cancellationToken);
        }

        foreach (var statement in await ListAsync(connection, role, """
            SELECT format('ALTER ROUTINE %s OWNER TO %I', p.oid::regprocedure, $1)
            FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
            WHERE n.nspname = 'public' AND pg_get_userbyid(p.proowner) <> $1
            ORDER BY 1
            """, cancellationToken))
        {
            await ExecuteAsync(connection, statement, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    private static async Task<List<string>> ListAsync(NpgsqlConnection connection, string role, string sql, CancellationToken cancellationToken)
    {
        var statements = new List<string>();
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = role });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            statements.Add(reader.GetString(0));
        }

        return statements;
    }

    private static async Task<T> ScalarAsync<T>(NpgsqlConnection connection, string sql, string parameter, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = parameter });
        return await command.ExecuteScalarAsync(cancellationToken) is T value ? value : default!;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
