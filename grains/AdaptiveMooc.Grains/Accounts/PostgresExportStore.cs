using Npgsql;
using NpgsqlTypes;

namespace AdaptiveMooc.Grains.Accounts;

/// <summary><see cref="IExportStore"/> on <c>data_exports</c> (migration 0075) and read-only queries of the social tables.</summary>
public sealed class PostgresExportStore(NpgsqlDataSource dataSource) : IExportStore
{
    /// <summary>Table and the column naming the person; tables that do not exist (yet) are skipped.</summary>
    private static readonly (string Table, string Column)[] PersonalTables =
    [
        ("forum_threads", "author_id"),
        ("forum_posts", "author_id"),
        ("forum_votes", "voter_id"),
        ("forum_reports", "reporter_id"),
        ("webinar_registrations", "learner_id"),
        ("orders", "learner_id"),
        ("payments", "learner_id"),
        ("voucher_redemptions", "learner_id"),
        ("access_grants", "learner_id"),
    ];

    public async Task SaveAsync(string learnerId, Guid exportId, byte[] archive, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "INSERT INTO data_exports (learner_id, export_id, created_at, archive) VALUES ($1, $2, $3, $4) " +
            "ON CONFLICT (learner_id, export_id) DO UPDATE SET archive = EXCLUDED.archive, created_at = EXCLUDED.created_at");
        command.Parameters.Add(new NpgsqlParameter { Value = learnerId });
        command.Parameters.Add(new NpgsqlParameter { Value = exportId });
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.TimestampTz, Value = at.UtcDateTime });
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Bytea, Value = archive });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<byte[]?> LoadAsync(string learnerId, Guid exportId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("SELECT archive FROM data_exports WHERE learner_id = $1 AND export_id = $2");
        command.Parameters.Add(new NpgsqlParameter { Value = learnerId });
        command.Parameters.Add(new NpgsqlParameter { Value = exportId });
        return await command.ExecuteScalarAsync(cancellationToken) as byte[];
    }

    public async Task DeleteAllAsync(string learnerId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("DELETE FROM data_exports WHERE learner_id = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = learnerId });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<IReadOnlyDictionary<string, IReadOnlyList<string>>> ReadRowsAsync(string learnerId, CancellationToken cancellationToken)
    {
        var found = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        foreach (var (table, column) in PersonalTables)
        {
            await using (var exists = new NpgsqlCommand(
                "SELECT count(*) FROM information_schema.columns WHERE table_schema = 'public' AND table_name = $1 AND column_name = $2", connection))
            {
                exists.Parameters.Add(new NpgsqlParameter { Value = table });
                exists.Parameters.Add(new NpgsqlParameter { Value = column });
                if ((long)(await exists.ExecuteScalarAsync(cancellationToken))! == 0)
                {
                    continue;
                }
            }

            // Names come from the fixed list above, never from input.
            await using var select = new NpgsqlCommand($"SELECT row_to_json(t)::text FROM {table} t WHERE {column} = $1 LIMIT 100000", connection);
            select.Parameters.Add(new NpgsqlParameter { Value = learnerId });
            var rows = new List<string>();
            await using var reader = await select.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                rows.Add(reader.GetString(0));
            }

            found[table] = rows;
        }

        return found;
    }
}
