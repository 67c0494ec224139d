using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using AdaptiveMooc.Grains.Abstractions.Models;
using AdaptiveMooc.ML.Training;
using Npgsql;
using NpgsqlTypes;

namespace AdaptiveMooc.Grains.Models;

/// <summary>
/// The model registry in PostgreSQL (silo migration 0170): runs, per-model decisions with figures, the
/// files of every promoted or shipped version (content-addressed) and the serving sets, newest last.
/// Promotions and rollbacks append a set under one transaction-scoped advisory lock, so two of them
/// never interleave; every silo serves the newest set (<see cref="ModelSetFollower"/>).
/// </summary>
public sealed class ModelRegistry(NpgsqlDataSource dataSource, TimeProvider clock)
{
    /// <summary>Advisory-lock key serialising changes of the serving set.</summary>
    private const long SetsLock = 0x4D4F4F43_53455453; // "MOOCSETS"

    /// <summary>The model card file written beside each set's models.</summary>
    public const string CardFile = "MODEL_CARD.md";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public async Task<ModelSetView?> ServingAsync(CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand(SetColumns + " ORDER BY id DESC LIMIT 1");
        return (await ReadSetsAsync(command, cancellationToken)).FirstOrDefault();
    }

    /// <summary>Writes a set's model files and card into <paramref name="folder"/> (created; must not exist or be empty).</summary>
    public async Task MaterializeAsync(ModelSetView set, string folder, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(set);
        Directory.CreateDirectory(folder);
        await using var command = dataSource.CreateCommand(
            "SELECT file_name, content FROM model_files WHERE model = $1 AND version = $2");
        var model = command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Text });
        var version = command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Text });
        foreach (var (name, member) in set.Members)
        {
            if (member is null)
            {
                continue;
            }

            model.Value = name;
            version.Value = member;
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                await File.WriteAllBytesAsync(Path.Combine(folder, reader.GetString(0)), (byte[])reader[1], cancellationToken);
            }
        }

        await using var card = dataSource.CreateCommand("SELECT card FROM model_sets WHERE id = $1");
        card.Parameters.AddWithValue(set.Id);
        if (await card.ExecuteScalarAsync(cancellationToken) is string text)
        {
            await File.WriteAllTextAsync(Path.Combine(folder, CardFile), text, cancellationToken);
        }
    }

    public async Task StartRunAsync(Guid runId, RetrainingRequest request, int testWeeks, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var now = clock.GetUtcNow();

        // Called under the run lease: a run still marked running was cut short by its silo's death.
        await using (var interrupted = dataSource.CreateCommand(
            "UPDATE model_runs SET status = 'failed', finished_at = $1, error = 'interrupted: the silo running it stopped' WHERE status = 'running'"))
        {
            interrupted.Parameters.AddWithValue(now);
            await interrupted.ExecuteNonQueryAsync(cancellationToken);
        }

        await using var command = dataSource.CreateCommand(
            """
            INSERT INTO model_runs (run_id, started_at, trigger, requested_by, status, shuffled, test_weeks)
            VALUES ($1, $2, $3, $4, 'running', $5, $6)
            """);
        command.Parameters.AddWithValue(runId);
        command.Parameters.AddWithValue(now);
        command.Parameters.AddWithValue(request.Trigger);
        command.Parameters.AddWithValue(request.RequestedBy);
        command.Parameters.AddWithValue(request.ShuffleLabels);
        command.Parameters.AddWithValue(testWeeks);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task FailRunAsync(Guid runId, string error, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand("UPDATE model_runs SET status = 'failed', finished_at = $1, error = $2 WHERE run_id = $3");
        command.Parameters.AddWithValue(clock.GetUtcNow());
        command.Parameters.AddWithValue(error.Length > 2000 ? error[..2000] : error);
        command.Parameters.AddWithValue(runId);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>
    /// Records a finished run in one transaction: its decisions, the files of the promoted candidates, and,
    /// when any was promoted, a new serving set (the serving one with those models replaced). When no set
    /// exists yet, the models served from <paramref name="shippedFolder"/> first become set "shipped", so a
    /// rollback can return to them. Returns the new set, if any.
    /// </summary>
    public async Task<ModelSetView?> FinishRunAsync(
        Guid runId, RetrainingReport report, string? shippedFolder, string? incumbentCard, string createdBy, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(report);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await LockSetsAsync(connection, transaction, cancellationToken);
        var serving = await ServingAsync(connection, transaction, cancellationToken);
        if (serving is null && report.Models.Any(d => d.Decision == ModelDecision.Promoted))
        {
            serving = await InsertShippedAsync(connection, transaction, shippedFolder, cancellationToken);
        }

        var now = clock.GetUtcNow();
        var incumbentVersions = serving?.Members ?? ShippedVersions(shippedFolder);
        var members = new Dictionary<string, string?>(incumbentVersions, StringComparer.Ordinal);
        foreach (var decision in report.Models)
        {
            string? version = null;
            if (decision.CandidateFolder is { } folder && Directory.Exists(folder))
            {
                var files = ModelRetrainer.Files[decision.Model].Where(f => File.Exists(Path.Combine(folder, f))).ToList();
                version = VersionOf(folder, files);
                if (decision.Decision == ModelDecision.Promoted)
                {
                    await StoreFilesAsync(connection, transaction, decision.Model, version, folder, files, cancellationToken);
                    members[decision.Model] = version;
                }
            }

            await using var insert = new NpgsqlCommand(
                """
                INSERT INTO model_decisions (run_id, model, metric, decision, reason, version, incumbent_version, data_from, cutoff, data_to,
                                             train_n, test_n, candidate, incumbent, decided_at)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)
                """, connection, transaction);
            insert.Parameters.AddWithValue(runId);
            insert.Parameters.AddWithValue(decision.Model);
            insert.Parameters.AddWithValue(decision.Metric);
            insert.Parameters.AddWithValue(decision.Decision);
            insert.Parameters.AddWithValue(decision.Reason);
            insert.Parameters.Add(Nullable(NpgsqlDbType.Text, version));
            insert.Parameters.Add(Nullable(NpgsqlDbType.Text, incumbentVersions.GetValueOrDefault(decision.Model)));
            insert.Parameters.Add(Nullable(NpgsqlDbType.TimestampTz, decision.Window?.From));
            insert.Parameters.Add(Nullable(NpgsqlDbType.TimestampTz, decision.Window?.Cutoff));
            insert.Parameters.Add(Nullable(NpgsqlDbType.TimestampTz, decision.Window?.To));
            insert.Parameters.Add(Nullable(NpgsqlDbType.Integer, decision.Window?.TrainExamples));
            insert.Parameters.Add(Nullable(NpgsqlDbType.Integer, decision.Window?.TestExamples));
            insert.Parameters.Add(Nullable(NpgsqlDbType.Jsonb, decision.Candidate is null ? null : JsonSerializer.Serialize(decision.Candidate, Json)));
            insert.Parameters.Add(Nullable(NpgsqlDbType.Jsonb, decision.Incumbent is null ? null : JsonSerializer.Serialize(decision.Incumbent, Json)));
            insert.Parameters.AddWithValue(now);
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }

        long? setId = null;
        var card = (incumbentCard is { Length: > 0 } before ? before.TrimEnd('\n') + "\n\n" : "# Model card\n\n") + report.Card;
        if (report.Models.Any(d => d.Decision == ModelDecision.Promoted))
        {
            setId = await InsertSetAsync(connection, transaction, now, $"promoted by run {runId}", createdBy, members, serving?.Id, runId, card, cancellationToken);
        }

        await using (var finish = new NpgsqlCommand(
            "UPDATE model_runs SET status = 'finished', finished_at = $1, statements = $2, card = $3, set_id = $4 WHERE run_id = $5", connection, transaction))
        {
            finish.Parameters.AddWithValue(now);
            finish.Parameters.AddWithValue((long)report.Statements);
            finish.Parameters.AddWithValue(card);
            finish.Parameters.Add(Nullable(NpgsqlDbType.Bigint, setId));
            finish.Parameters.AddWithValue(runId);
            await finish.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return setId is null ? null : await ServingAsync(cancellationToken);
    }

    /// <summary>Appends a set equal to the one the serving set replaced (its previous): repeated rollbacks walk back the history.</summary>
    public async Task<ModelRollback> RollbackAsync(string requestedBy, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await LockSetsAsync(connection, transaction, cancellationToken);
        var serving = await ServingAsync(connection, transaction, cancellationToken);
        if (serving is null)
        {
            return new ModelRollback(false, null, "no serving set is registered: nothing was ever promoted");
        }

        if (serving.PreviousId is not { } previousId)
        {
            return new ModelRollback(false, serving, $"set {serving.Id} replaced no earlier set");
        }

        await using var select = new NpgsqlCommand(SetColumns + " WHERE id = $1", connection, transaction);
        select.Parameters.AddWithValue(previousId);
        var previous = (await ReadSetsAsync(select, cancellationToken)).Single();
        await using var card = new NpgsqlCommand("SELECT card FROM model_sets WHERE id = $1", connection, transaction);
        card.Parameters.AddWithValue(previousId);
        var previousCard = await card.ExecuteScalarAsync(cancellationToken) as string;
        await InsertSetAsync(connection, transaction, clock.GetUtcNow(), $"rollback from set {serving.Id} to set {previous.Id}", requestedBy,
            new Dictionary<string, string?>(previous.Members, StringComparer.Ordinal), previous.PreviousId, null, previousCard, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new ModelRollback(true, await ServingAsync(cancellationToken), null);
    }

    public async Task<ModelRegistryView> ReadAsync(int limit, CancellationToken cancellationToken = default)
    {
        await using var sets = dataSource.CreateCommand(SetColumns + " ORDER BY id DESC LIMIT $1");
        sets.Parameters.AddWithValue(limit);
        var setViews = await ReadSetsAsync(sets, cancellationToken);

        var runs = new List<(Guid Id, DateTimeOffset Started, DateTimeOffset? Finished, string Trigger, string By, string Status, long? Statements, bool Shuffled, int Weeks, string? Error, long? SetId, string? Card)>();
        await using (var command = dataSource.CreateCommand(
            """
            SELECT run_id, started_at, finished_at, trigger, requested_by, status, statements, shuffled, test_weeks, error, set_id, card
            FROM model_runs ORDER BY started_at DESC, run_id LIMIT $1
            """))
        {
            command.Parameters.AddWithValue(limit);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                runs.Add((reader.GetGuid(0), reader.GetFieldValue<DateTimeOffset>(1), reader.IsDBNull(2) ? null : reader.GetFieldValue<DateTimeOffset>(2),
                    reader.GetString(3), reader.GetString(4), reader.GetString(5), reader.IsDBNull(6) ? null : reader.GetInt64(6), reader.GetBoolean(7),
                    reader.GetInt32(8), reader.IsDBNull(9) ? null : reader.GetString(9), reader.IsDBNull(10) ? null : reader.GetInt64(10),
                    reader.IsDBNull(11) ? null : reader.GetString(11)));
            }
        }

        var decisions = new Dictionary<Guid, List<ModelDecisionView>>();
        await using (var command = dataSource.CreateCommand(
            """
            SELECT run_id, model, metric, decision, reason, version, incumbent_version, data_from, cutoff, data_to, train_n, test_n,
                   candidate::text, incumbent::text, decided_at
            FROM model_decisions WHERE run_id = ANY($1)
            """))
        {
            command.Parameters.AddWithValue(runs.Select(r => r.Id).ToArray());
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var runId = reader.GetGuid(0);
                if (!decisions.TryGetValue(runId, out var list))
                {
                    list = [];
                    decisions[runId] = list;
                }

                list.Add(new ModelDecisionView(
                    reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4),
                    reader.IsDBNull(5) ? null : reader.GetString(5), reader.IsDBNull(6) ? null : reader.GetString(6),
                    Instant(reader, 7), Instant(reader, 8), Instant(reader, 9),
                    reader.IsDBNull(10) ? null : reader.GetInt32(10), reader.IsDBNull(11) ? null : reader.GetInt32(11),
                    Figures(reader.IsDBNull(12) ? null : reader.GetString(12)), Figures(reader.IsDBNull(13) ? null : reader.GetString(13)),
                    reader.GetFieldValue<DateTimeOffset>(14)));
            }
        }

        var order = ModelRetrainer.Files.Keys.ToList();
        var runViews = runs.Select(r => new RetrainingRunView(
            r.Id, r.Started, r.Finished, r.Trigger, r.By, r.Status, r.Statements, r.Shuffled, r.Weeks, r.Error, r.SetId,
            [.. decisions.GetValueOrDefault(r.Id, []).OrderBy(d => order.IndexOf(d.Model))], r.Card)).ToList();
        return new ModelRegistryView(true, setViews.FirstOrDefault(), setViews, runViews);
    }

    /// <summary>A model version: 12 hex digits of SHA-256 over its files' names and bytes.</summary>
    public static string VersionOf(string folder, IEnumerable<string> files)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var name in files.Order(StringComparer.Ordinal))
        {
            sha.AppendData(Encoding.UTF8.GetBytes(name + "\n"));
            sha.AppendData(File.ReadAllBytes(Path.Combine(folder, name)));
        }

        return Convert.ToHexStringLower(sha.GetHashAndReset())[..12];
    }

    private const string SetColumns = "SELECT id, created_at, reason, created_by, members::text, previous_id, run_id FROM model_sets";

    private static DateTimeOffset? Instant(NpgsqlDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetFieldValue<DateTimeOffset>(ordinal);

    private static ModelFiguresView? Figures(string? json)
    {
        if (json is null || JsonSerializer.Deserialize<ModelFigures>(json, Json) is not { } figures)
        {
            return null;
        }

        return new ModelFiguresView(
            figures.Model,
            double.IsFinite(figures.Value) ? figures.Value : null,
            figures.N,
            figures.Other.Where(kv => double.IsFinite(kv.Value)).ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal));
    }

    private static NpgsqlParameter Nullable(NpgsqlDbType type, object? value) =>
        new() { NpgsqlDbType = type, Value = value ?? DBNull.Value };

    private static async Task LockSetsAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT pg_advisory_xact_lock($1)", connection, transaction);
        command.Parameters.AddWithValue(SetsLock);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<ModelSetView?> ServingAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(SetColumns + " ORDER BY id DESC LIMIT 1", connection, transaction);
        return (await ReadSetsAsync(command, cancellationToken)).FirstOrDefault();
    }

    /// <summary>The version of each model in <paramref name="folder"/> (null: absent), as a shipped set would record them.</summary>
    private static Dictionary<string, string?> ShippedVersions(string? folder) =>
        ModelRetrainer.Files.ToDictionary(
            kv => kv.Key,
            kv => folder is null || kv.Value.Where(f => File.Exists(Path.Combine(folder, f))).ToList() is not { Count: > 0 } files ? null : VersionOf(folder, files),
            StringComparer.Ordinal);

    private async Task<ModelSetView> InsertShippedAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string? folder, CancellationToken cancellationToken)
    {
        var members = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var (model, names) in ModelRetrainer.Files)
        {
            var files = folder is null ? [] : names.Where(f => File.Exists(Path.Combine(folder, f))).ToList();
            string? version = null;
            if (files.Count > 0)
            {
                version = VersionOf(folder!, files);
                await StoreFilesAsync(connection, transaction, model, version, folder!, files, cancellationToken);
            }

            members[model] = version;
        }

        var cardPath = folder is null ? null : Path.Combine(folder, CardFile);
        var card = cardPath is not null && File.Exists(cardPath) ? await File.ReadAllTextAsync(cardPath, cancellationToken) : null;
        var now = clock.GetUtcNow();
        var id = await InsertSetAsync(connection, transaction, now, folder is null ? "shipped: no model folder" : $"shipped: the models of {folder}", "shipped", members, null, null, card, cancellationToken);
        return new ModelSetView(id, now, "shipped", "shipped", members, null, null);
    }

    private static async Task StoreFilesAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, string model, string version, string folder, IEnumerable<string> files, CancellationToken cancellationToken)
    {
        foreach (var file in files)
        {
            await using var command = new NpgsqlCommand(
                "INSERT INTO model_files (model, version, file_name, content) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING", connection, transaction);
            command.Parameters.AddWithValue(model);
            command.Parameters.AddWithValue(version);
            command.Parameters.AddWithValue(file);
            command.Parameters.AddWithValue(await File.ReadAllBytesAsync(Path.Combine(folder, file), cancellationToken));
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private static async Task<long> InsertSetAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, DateTimeOffset now, string reason, string createdBy,
        Dictionary<string, string?> members, long? previousId, Guid? runId, string? card, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            "INSERT INTO model_sets (created_at, reason, created_by, members, previous_id, run_id, card) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
            connection, transaction);
        command.Parameters.AddWithValue(now);
        command.Parameters.AddWithValue(reason);
        command.Parameters.AddWithValue(createdBy);
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Jsonb, Value = JsonSerializer.Serialize(members, Json) });
        command.Parameters.Add(Nullable(NpgsqlDbType.Bigint, previousId));
        command.Parameters.Add(Nullable(NpgsqlDbType.Uuid, runId));
        command.Parameters.Add(Nullable(NpgsqlDbType.Text, card));
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    private static async Task<List<ModelSetView>> ReadSetsAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var sets = new List<ModelSetView>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            sets.Add(new ModelSetView(
                reader.GetInt64(0), reader.GetFieldValue<DateTimeOffset>(1), reader.GetString(2), reader.GetString(3),
                JsonSerializer.Deserialize<Dictionary<string, string?>>(reader.GetString(4), Json) ?? [],
                reader.IsDBNull(5) ? null : reader.GetInt64(5), reader.IsDBNull(6) ? null : reader.GetGuid(6)));
        }

        return sets;
    }
}
