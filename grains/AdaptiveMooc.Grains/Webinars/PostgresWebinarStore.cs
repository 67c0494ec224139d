using AdaptiveMooc.Grains.Abstractions.Webinars;
using Npgsql;

namespace AdaptiveMooc.Grains.Webinars;

/// <summary>The webinar store on PostgreSQL (tables of migration 0031_webinars.sql).</summary>
internal sealed class PostgresWebinarStore(NpgsqlDataSource dataSource) : IWebinarStore
{
    private const string Columns =
        "w.course_id, w.webinar_id, w.title, w.start_at, w.minutes, w.capacity, w.join_url, w.registered, w.created_by, w.created_at";

    public async Task SaveWebinarAsync(WebinarView webinar)
    {
        ArgumentNullException.ThrowIfNull(webinar);
        await using var command = dataSource.CreateCommand(
            """
            INSERT INTO webinars (course_id, webinar_id, title, start_at, minutes, capacity, join_url, registered, created_by, created_at)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
            ON CONFLICT (webinar_id) DO UPDATE SET registered = EXCLUDED.registered
            """);
        command.Parameters.Add(new() { Value = webinar.CourseId });
        command.Parameters.Add(new() { Value = webinar.WebinarId });
        command.Parameters.Add(new() { Value = webinar.Title });
        command.Parameters.Add(new() { Value = webinar.Start.ToUniversalTime() });
        command.Parameters.Add(new() { Value = webinar.Minutes });
        command.Parameters.Add(new() { Value = webinar.Capacity });
        command.Parameters.Add(new() { Value = webinar.JoinUrl.AbsoluteUri });
        command.Parameters.Add(new() { Value = webinar.Registered });
        command.Parameters.Add(new() { Value = webinar.CreatedBy });
        command.Parameters.Add(new() { Value = webinar.CreatedAt.ToUniversalTime() });
        await command.ExecuteNonQueryAsync();
    }

    public async Task<int> CountRegistrationsAsync(Guid webinarId)
    {
        await using var command = dataSource.CreateCommand("SELECT count(*) FROM webinar_registrations WHERE webinar_id = $1");
        command.Parameters.Add(new() { Value = webinarId });
        return (int)(long)(await command.ExecuteScalarAsync())!;
    }

    public async Task<bool> TryRegisterAsync(string courseId, Guid webinarId, string learnerId, DateTimeOffset at)
    {
        await using var command = dataSource.CreateCommand(
            """
            INSERT INTO webinar_registrations (webinar_id, learner_id, course_id, registered_at)
            VALUES ($1, $2, $3, $4) ON CONFLICT (webinar_id, learner_id) DO NOTHING
            """);
        command.Parameters.Add(new() { Value = webinarId });
        command.Parameters.Add(new() { Value = learnerId });
        command.Parameters.Add(new() { Value = courseId });
        command.Parameters.Add(new() { Value = at.ToUniversalTime() });
        return await command.ExecuteNonQueryAsync() == 1;
    }

    public async Task<bool> IsRegisteredAsync(Guid webinarId, string learnerId)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT EXISTS (SELECT 1 FROM webinar_registrations WHERE webinar_id = $1 AND learner_id = $2)");
        command.Parameters.Add(new() { Value = webinarId });
        command.Parameters.Add(new() { Value = learnerId });
        return (bool)(await command.ExecuteScalarAsync())!;
    }

    public async Task<IReadOnlyList<WebinarRegistrationView>> ListRegistrationsAsync(Guid webinarId)
    {
        await using var command = dataSource.CreateCommand(
            """
            SELECT learner_id, registered_at, attended_at FROM webinar_registrations
            WHERE webinar_id = $1 ORDER BY registered_at, learner_id COLLATE "C"
            """);
        command.Parameters.Add(new() { Value = webinarId });
        var rows = new List<WebinarRegistrationView>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(new WebinarRegistrationView(
                reader.GetString(0),
                reader.GetFieldValue<DateTimeOffset>(1),
                reader.IsDBNull(2) ? null : reader.GetFieldValue<DateTimeOffset>(2)));
        }

        return rows;
    }

    public async Task<bool> MarkAttendedAsync(Guid webinarId, string learnerId, DateTimeOffset at)
    {
        await using var command = dataSource.CreateCommand(
            """
            UPDATE webinar_registrations SET attended_at = COALESCE(attended_at, $3)
            WHERE webinar_id = $1 AND learner_id = $2
            """);
        command.Parameters.Add(new() { Value = webinarId });
        command.Parameters.Add(new() { Value = learnerId });
        command.Parameters.Add(new() { Value = at.ToUniversalTime() });
        return await command.ExecuteNonQueryAsync() == 1;
    }

    public async Task<WebinarPage> ListForCourseAsync(string courseId, string? after, int limit)
    {
        var hasCursor = WebinarCursor.TryDecode(after, out var cursor);
        await using var command = dataSource.CreateCommand(
            $"""
            SELECT {Columns} FROM webinars w
            WHERE w.course_id = $1 AND (NOT $2 OR (w.start_at, w.webinar_id) > ($3, $4))
            ORDER BY w.start_at, w.webinar_id LIMIT $5
            """);
        command.Parameters.Add(new() { Value = courseId });
        command.Parameters.Add(new() { Value = hasCursor });
        command.Parameters.Add(new() { Value = cursor.At.ToUniversalTime() });
        command.Parameters.Add(new() { Value = cursor.Id });
        command.Parameters.Add(new() { Value = limit + 1 });
        return await ReadPageAsync(command, limit);
    }

    public async Task<WebinarPage> ListForLearnerAsync(string learnerId, DateTimeOffset? from, string? after, int limit)
    {
        var hasCursor = WebinarCursor.TryDecode(after, out var cursor);
        await using var command = dataSource.CreateCommand(
            $"""
            SELECT {Columns} FROM webinar_registrations r JOIN webinars w ON w.webinar_id = r.webinar_id
            WHERE r.learner_id = $1
              AND ($2::timestamptz IS NULL OR w.start_at + make_interval(mins => w.minutes) >= $2)
              AND (NOT $3 OR (w.start_at, w.webinar_id) > ($4, $5))
            ORDER BY w.start_at, w.webinar_id LIMIT $6
            """);
        command.Parameters.Add(new() { Value = learnerId });
        command.Parameters.Add(new() { Value = from.HasValue ? from.Value.ToUniversalTime() : DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.TimestampTz });
        command.Parameters.Add(new() { Value = hasCursor });
        command.Parameters.Add(new() { Value = cursor.At.ToUniversalTime() });
        command.Parameters.Add(new() { Value = cursor.Id });
        command.Parameters.Add(new() { Value = limit + 1 });
        return await ReadPageAsync(command, limit);
    }

    private static async Task<WebinarPage> ReadPageAsync(NpgsqlCommand command, int limit)
    {
        var rows = new List<WebinarView>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                rows.Add(new WebinarView(
                    reader.GetString(0), reader.GetGuid(1), reader.GetString(2), reader.GetFieldValue<DateTimeOffset>(3),
                    reader.GetInt32(4), reader.GetInt32(5), new Uri(reader.GetString(6)), reader.GetInt32(7),
                    reader.GetString(8), reader.GetFieldValue<DateTimeOffset>(9)));
            }
        }

        string? next = null;
        if (rows.Count > limit)
        {
            rows.RemoveAt(rows.Count - 1);
            next = new WebinarCursor(rows[^1].Start, rows[^1].WebinarId).Encode();
        }

        return new WebinarPage(rows, next);
    }
}
