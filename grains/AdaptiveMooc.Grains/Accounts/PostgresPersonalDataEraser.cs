using System.Text.RegularExpressions;
using Npgsql;

namespace AdaptiveMooc.Grains.Accounts;

/// <summary>
/// Pseudonymises the learner's rows of <c>xapi_statements</c>: the actor keeps only its account (the learner id,
/// now a pseudonym never reused); <c>name</c>, <c>mbox</c>, <c>mbox_sha1sum</c> and <c>openid</c> go, and any
/// other occurrence of the person's name or address in their statements becomes <c>[erased]</c>. The columns
/// progress and analytics read (verb, activity, timestamps, results) are untouched. The content hash is kept,
/// so a statement re-sent with the old content is still recognised as the same id (docs/ACCOUNTS.md).
/// </summary>
public sealed class PostgresPersonalDataEraser(NpgsqlDataSource dataSource) : IPersonalDataEraser
{
    public async Task EraseLearnerAsync(string learnerId, string name, string email, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var actor = new NpgsqlCommand(
            "UPDATE xapi_statements SET statement = statement #- '{actor,name}' #- '{actor,mbox}' #- '{actor,mbox_sha1sum}' #- '{actor,openid}' " +
            "WHERE learner_id = $1 AND statement->'actor' ?| array['name', 'mbox', 'mbox_sha1sum', 'openid']", connection, transaction))
        {
            actor.Parameters.Add(new NpgsqlParameter { Value = learnerId });
            await actor.ExecuteNonQueryAsync(cancellationToken);
        }

        foreach (var text in new[] { name, email }.Select(t => t.Trim()).Where(t => t.Length >= 3))
        {
            // The text as jsonb writes it inside a string (escapes included), matched case-insensitively.
            string needle;
            await using (var render = new NpgsqlCommand("SELECT to_jsonb($1::text)::text", connection, transaction))
            {
                render.Parameters.Add(new NpgsqlParameter { Value = text });
                needle = ((string)(await render.ExecuteScalarAsync(cancellationToken))!)[1..^1];
            }

            var rows = new List<(Guid Id, string Json)>();
            await using (var find = new NpgsqlCommand(
                "SELECT id, statement::text FROM xapi_statements WHERE learner_id = $1 AND strpos(lower(statement::text), lower($2)) > 0", connection, transaction))
            {
                find.Parameters.Add(new NpgsqlParameter { Value = learnerId });
                find.Parameters.Add(new NpgsqlParameter { Value = needle });
                await using var reader = await find.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    rows.Add((reader.GetGuid(0), reader.GetString(1)));
                }
            }

            foreach (var (id, json) in rows)
            {
                await using var update = new NpgsqlCommand("UPDATE xapi_statements SET statement = $2::jsonb WHERE id = $1", connection, transaction);
                update.Parameters.Add(new NpgsqlParameter { Value = id });
                update.Parameters.Add(new NpgsqlParameter { Value = Regex.Replace(json, Regex.Escape(needle), "[erased]", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)) });
                await update.ExecuteNonQueryAsync(cancellationToken);
            }
        }

        await transaction.CommitAsync(cancellationToken);
    }
}
