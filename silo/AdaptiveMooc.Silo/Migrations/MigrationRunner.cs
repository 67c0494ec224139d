using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace AdaptiveMooc.Silo.Migrations;

/// <summary>
/// Applies the embedded <c>Migrations/*.sql</c> scripts in file-name order, each in its own transaction,
/// and records each one with its checksum in <c>schema_migrations</c>. A PostgreSQL advisory lock
/// serialises silos that start together; applied scripts are skipped, so running twice changes nothing
/// and a newer binary only applies what an older database lacks. A script edited after it was applied
/// stops the run: applied history must not be rewritten, add a new script instead.
/// </summary>
public sealed class MigrationRunner(NpgsqlDataSource dataSource, ILogger<MigrationRunner>? logger = null)
{
    // Any fixed 64-bit value works; it only has to be the same for every silo of the database.
    private const long AdvisoryLockKey = 0x4D4F4F435F4D4947; // "MOOC_MIG"

    private readonly ILogger logger = logger ?? NullLogger<MigrationRunner>.Instance;

    /// <summary>
    /// The role the scripts run as (<c>SET ROLE</c> for the run, see <see cref="OwnerRole"/>), so what they create
    /// belongs to it; null runs them as the connection's own user.
    /// </summary>
    public string? Role { get; init; }

    /// <summary>The scripts compiled into this silo, ordered by version.</summary>
    public static IReadOnlyList<Migration> Embedded { get; } = LoadEmbedded();

    public Task<IReadOnlyList<string>> ApplyAsync(CancellationToken cancellationToken = default) =>
        ApplyAsync(Embedded, cancellationToken);

    /// <summary>Applies the scripts not yet recorded; returns the versions applied by this call.</summary>
    public async Task<IReadOnlyList<string>> ApplyAsync(IEnumerable<Migration> migrations, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(migrations);
        var ordered = migrations.OrderBy(m => m.Version, StringComparer.Ordinal).ToList();
        var duplicate = ordered.GroupBy(m => m.Version, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidOperationException($"Migration version '{duplicate.Key}' is defined twice.");
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        if (Role is { } role)
        {
            await using var quote = new NpgsqlCommand("SELECT quote_ident(@role)", connection);
            quote.Parameters.AddWithValue("role", role);
            await ExecuteAsync(connection, "SET ROLE " + (string)(await quote.ExecuteScalarAsync(cancellationToken))!, cancellationToken);
        }

        await ExecuteAsync(connection, "SELECT pg_advisory_lock(@key)", cancellationToken, ("key", AdvisoryLockKey));
        try
        {
            // Only when missing: a runtime role without DDL rights (docs/SECURITY.md) can then run this to
            // check that the schema is up to date, and fails only when a migration is really pending.
            if (!await SchemaTableExistsAsync(connection, cancellationToken))
            {
                await ExecuteAsync(connection, """
                    CREATE TABLE IF NOT EXISTS schema_migrations (
                        version    text        PRIMARY KEY,
                        checksum   text        NOT NULL,
                        applied_at timestamptz NOT NULL DEFAULT now())
                    """, cancellationToken);
            }

            var applied = await ReadAppliedAsync(connection, cancellationToken);
            var done = new List<string>();
            foreach (var migration in ordered)
            {
                if (applied.TryGetValue(migration.Version, out var checksum))
                {
                    if (checksum != migration.Checksum)
                    {
                        throw new InvalidOperationException(
                            $"Migration {migration.Version} was changed after it was applied (checksum {checksum} in the database, " +
                            $"{migration.Checksum} in this build). Add a new migration instead of editing an applied one.");
                    }

                    continue;
                }

                await ApplyOneAsync(connection, migration, cancellationToken);
                done.Add(migration.Version);
            }

            return done;
        }
        finally
        {
            await ExecuteAsync(connection, "SELECT pg_advisory_unlock(@key)", CancellationToken.None, ("key", AdvisoryLockKey));
            if (Role is not null)
            {
                await ExecuteAsync(connection, "RESET ROLE", CancellationToken.None);
            }
        }
    }

    private async Task ApplyOneAsync(NpgsqlConnection connection, Migration migration, CancellationToken cancellationToken)
    {
        logger.LogInformation("Applying migration {Version}", migration.Version);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        try
        {
            await using (var script = new NpgsqlCommand(migration.Sql, connection, transaction))
            {
                await script.ExecuteNonQueryAsync(cancellationToken);
            }

            await using (var record = new NpgsqlCommand(
                "INSERT INTO schema_migrations (version, checksum) VALUES (@version, @checksum)", connection, transaction))
            {
                record.Parameters.AddWithValue("version", migration.Version);
                record.Parameters.AddWithValue("checksum", migration.Checksum);
                await record.ExecuteNonQueryAsync(cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
        }
        catch (PostgresException e)
        {
            throw new InvalidOperationException($"Migration {migration.Version} failed: {e.MessageText} (at {e.Position}).", e);
        }
    }

    private static async Task<bool> SchemaTableExistsAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT to_regclass('schema_migrations') IS NOT NULL", connection);
        return (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    private static async Task<Dictionary<string, string>> ReadAppliedAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var applied = new Dictionary<string, string>(StringComparer.Ordinal);
        await using var command = new NpgsqlCommand("SELECT version, checksum FROM schema_migrations", connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            applied[reader.GetString(0)] = reader.GetString(1);
        }

        return applied;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken, params (string Name, object Value)[] parameters)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static List<Migration> LoadEmbedded()
    {
        const string Marker = ".Migrations.";
        var assembly = typeof(MigrationRunner).Assembly;
        var migrations = new List<Migration>();
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.EndsWith(".sql", StringComparison.Ordinal)))
        {
            var start = name.IndexOf(Marker, StringComparison.Ordinal);
            if (start < 0)
            {
                continue;
            }

            var version = name[(start + Marker.Length)..^".sql".Length];
            using var stream = assembly.GetManifestResourceStream(name)
                ?? throw new InvalidOperationException($"Embedded migration {name} cannot be read.");
            using var reader = new StreamReader(stream);
            migrations.Add(new Migration(version, reader.ReadToEnd()));
        }

        return [.. migrations.OrderBy(m => m.Version, StringComparer.Ordinal)];
    }
}
