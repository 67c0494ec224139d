using System.Security.Cryptography;
using System.Text;
using AdaptiveMooc.Grains.Abstractions.Xapi;
using Npgsql;
using NpgsqlTypes;

namespace AdaptiveMooc.Grains.Xapi;

/// <summary>
/// xAPI documents on PostgreSQL (table <c>xapi_documents</c>, migration 0130). Rows are found by SHA-256
/// hashes of the context key and of the document id, so activity ids and document ids of any length index
/// alike; the readable columns beside them say what the row belongs to.
/// </summary>
internal sealed class PostgresXapiDocumentStore(NpgsqlDataSource dataSource) : IXapiDocumentStore
{
    public async Task<XapiDocument?> FindAsync(XapiDocumentScope scope, string documentId)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT document_id, content, content_type, etag, updated FROM xapi_documents WHERE scope_hash = $1 AND document_hash = $2");
        command.Parameters.Add(new() { Value = Hash(Scope(scope).Key) });
        command.Parameters.Add(new() { Value = Hash(documentId) });
        await using var reader = await command.ExecuteReaderAsync();
        return await reader.ReadAsync()
            ? new XapiDocument(reader.GetString(0), (byte[])reader[1], reader.GetString(2), reader.GetString(3), reader.GetFieldValue<DateTimeOffset>(4))
            : null;
    }

    public async Task<XapiDocumentIds> ListIdsAsync(XapiDocumentScope scope, DateTimeOffset? since)
    {
        await using var command = dataSource.CreateCommand(
            """
            SELECT document_id, updated FROM xapi_documents
            WHERE scope_hash = $1 AND ($2::timestamptz IS NULL OR updated > $2)
            ORDER BY updated, document_id
            """);
        command.Parameters.Add(new() { Value = Hash(Scope(scope).Key) });
        command.Parameters.Add(new() { Value = (object?)since?.ToUniversalTime() ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        var ids = new List<string>();
        DateTimeOffset? last = null;
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            ids.Add(reader.GetString(0));
            var updated = reader.GetFieldValue<DateTimeOffset>(1);
            last = last is null || updated > last ? updated : last;
        }

        return new XapiDocumentIds(ids, last);
    }

    public async Task<int> CountAsync(XapiDocumentScope scope)
    {
        await using var command = dataSource.CreateCommand("SELECT count(*) FROM xapi_documents WHERE scope_hash = $1");
        command.Parameters.Add(new() { Value = Hash(Scope(scope).Key) });
        return Convert.ToInt32(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public async Task SaveAsync(XapiDocumentScope scope, XapiDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        await using var command = dataSource.CreateCommand(
            """
            INSERT INTO xapi_documents (scope_hash, document_hash, kind, activity_id, agent_key, registration, document_id, content, content_type, etag, updated)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
            ON CONFLICT (scope_hash, document_hash) DO UPDATE SET
              content = EXCLUDED.content, content_type = EXCLUDED.content_type, etag = EXCLUDED.etag, updated = EXCLUDED.updated
            """);
        command.Parameters.Add(new() { Value = Hash(Scope(scope).Key) });
        command.Parameters.Add(new() { Value = Hash(document.Id) });
        command.Parameters.Add(new() { Value = (short)scope.Kind });
        command.Parameters.Add(new() { Value = (object?)scope.ActivityId ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new() { Value = (object?)scope.AgentKey ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new() { Value = (object?)scope.Registration ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Uuid });
        command.Parameters.Add(new() { Value = document.Id });
        command.Parameters.Add(new() { Value = document.Content });
        command.Parameters.Add(new() { Value = document.ContentType });
        command.Parameters.Add(new() { Value = document.ETag });
        command.Parameters.Add(new() { Value = document.Updated.ToUniversalTime() });
        await command.ExecuteNonQueryAsync();
    }

    public async Task DeleteAsync(XapiDocumentScope scope, string documentId)
    {
        await using var command = dataSource.CreateCommand("DELETE FROM xapi_documents WHERE scope_hash = $1 AND document_hash = $2");
        command.Parameters.Add(new() { Value = Hash(Scope(scope).Key) });
        command.Parameters.Add(new() { Value = Hash(documentId) });
        await command.ExecuteNonQueryAsync();
    }

    public async Task DeleteAllAsync(XapiDocumentScope scope)
    {
        await using var command = dataSource.CreateCommand("DELETE FROM xapi_documents WHERE scope_hash = $1");
        command.Parameters.Add(new() { Value = Hash(Scope(scope).Key) });
        await command.ExecuteNonQueryAsync();
    }

    private static XapiDocumentScope Scope(XapiDocumentScope scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        return scope;
    }

    private static byte[] Hash(string text) => SHA256.HashData(Encoding.UTF8.GetBytes(text));
}
