using AdaptiveMooc.Grains.Abstractions.Forums;
using Npgsql;
using NpgsqlTypes;

namespace AdaptiveMooc.Grains.Forums;

/// <summary>
/// The forum store on PostgreSQL (tables of migration 0030_forum.sql). Posts, votes and reports are
/// append-only rows (a post's score and hidden flag are its only mutable columns); the thread listing is a
/// read model with a generated <c>tsvector</c> column searched with <c>websearch_to_tsquery</c>.
/// </summary>
internal sealed class PostgresForumStore(NpgsqlDataSource dataSource) : IForumStore
{
    private const string PostColumns =
        "course_id, thread_id, post_id, seq, author_id, body, reply_to, created_at, score, hidden, author_role";

    private const string ThreadColumns =
        "course_id, thread_id, title, body, tags, author_id, created_at, last_activity_at, opening_post_id, reply_count, accepted_post_id, pinned, locked, hidden";

    public async Task SaveThreadAsync(ForumThreadView thread)
    {
        ArgumentNullException.ThrowIfNull(thread);
        await using var command = dataSource.CreateCommand(
            $"""
            INSERT INTO forum_threads ({ThreadColumns})
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
            ON CONFLICT (course_id, thread_id) DO UPDATE SET
              title = EXCLUDED.title, body = EXCLUDED.body, tags = EXCLUDED.tags,
              last_activity_at = EXCLUDED.last_activity_at, reply_count = EXCLUDED.reply_count,
              accepted_post_id = EXCLUDED.accepted_post_id, pinned = EXCLUDED.pinned,
              locked = EXCLUDED.locked, hidden = EXCLUDED.hidden, author_id = EXCLUDED.author_id
            """);
        command.Parameters.Add(new() { Value = thread.CourseId });
        command.Parameters.Add(new() { Value = thread.ThreadId });
        command.Parameters.Add(new() { Value = thread.Title });
        command.Parameters.Add(new() { Value = thread.Body });
        command.Parameters.Add(new() { Value = thread.Tags.ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        command.Parameters.Add(new() { Value = thread.AuthorId });
        command.Parameters.Add(new() { Value = thread.CreatedAt.ToUniversalTime() });
        command.Parameters.Add(new() { Value = thread.LastActivityAt.ToUniversalTime() });
        command.Parameters.Add(new() { Value = thread.OpeningPostId });
        command.Parameters.Add(new() { Value = thread.ReplyCount });
        command.Parameters.Add(new() { Value = (object?)thread.AcceptedPostId ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Uuid });
        command.Parameters.Add(new() { Value = thread.Pinned });
        command.Parameters.Add(new() { Value = thread.Locked });
        command.Parameters.Add(new() { Value = thread.Hidden });
        await command.ExecuteNonQueryAsync();
    }

    public async Task<ForumThreadPage> QueryThreadsAsync(string courseId, ForumThreadQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var hasCursor = ForumCursor.TryDecode(query.After, out var cursor);
        var hasText = !string.IsNullOrWhiteSpace(query.Text);
        await using var command = dataSource.CreateCommand(
            $"""
            SELECT {ThreadColumns} FROM forum_threads
            WHERE course_id = $1
              AND ($2 OR NOT hidden)
              AND ($3::text IS NULL OR tags @> ARRAY[$3::text])
              AND (NOT $4 OR reply_count = 0)
              AND (NOT $5 OR search @@ websearch_to_tsquery('english', $6))
              AND (NOT $7 OR (pinned, created_at, thread_id) < ($8, $9, $10))
            ORDER BY pinned DESC, created_at DESC, thread_id DESC
            LIMIT $11
            """);
        command.Parameters.Add(new() { Value = courseId });
        command.Parameters.Add(new() { Value = query.IncludeHidden });
        command.Parameters.Add(new() { Value = (object?)query.Tag ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new() { Value = query.Unanswered });
        command.Parameters.Add(new() { Value = hasText });
        command.Parameters.Add(new() { Value = query.Text ?? string.Empty });
        command.Parameters.Add(new() { Value = hasCursor });
        command.Parameters.Add(new() { Value = cursor.Pinned });
        command.Parameters.Add(new() { Value = cursor.At.ToUniversalTime() });
        command.Parameters.Add(new() { Value = cursor.Id });
        command.Parameters.Add(new() { Value = query.Limit + 1 });
        var rows = new List<ForumThreadView>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                rows.Add(new ForumThreadView(
                    reader.GetString(0), reader.GetGuid(1), reader.GetString(2), reader.GetString(3),
                    reader.GetFieldValue<string[]>(4), reader.GetString(5),
                    reader.GetFieldValue<DateTimeOffset>(6), reader.GetFieldValue<DateTimeOffset>(7),
                    reader.GetGuid(8), reader.GetInt32(9), reader.IsDBNull(10) ? null : reader.GetGuid(10),
                    reader.GetBoolean(11), reader.GetBoolean(12), reader.GetBoolean(13)));
            }
        }

        string? next = null;
        if (rows.Count > query.Limit)
        {
            rows.RemoveAt(rows.Count - 1);
            next = new ForumCursor(rows[^1].Pinned, rows[^1].CreatedAt, rows[^1].ThreadId).Encode();
        }

        return new ForumThreadPage(rows, next);
    }

    public async Task AppendPostAsync(ForumPostView post)
    {
        ArgumentNullException.ThrowIfNull(post);
        await using var command = dataSource.CreateCommand(
            $"""
            INSERT INTO forum_posts ({PostColumns})
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
            ON CONFLICT (post_id) DO NOTHING
            """);
        command.Parameters.Add(new() { Value = post.CourseId });
        command.Parameters.Add(new() { Value = post.ThreadId });
        command.Parameters.Add(new() { Value = post.PostId });
        command.Parameters.Add(new() { Value = post.Sequence });
        command.Parameters.Add(new() { Value = post.AuthorId });
        command.Parameters.Add(new() { Value = post.Body });
        command.Parameters.Add(new() { Value = (object?)post.ReplyTo ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Uuid });
        command.Parameters.Add(new() { Value = post.CreatedAt.ToUniversalTime() });
        command.Parameters.Add(new() { Value = post.Score });
        command.Parameters.Add(new() { Value = post.Hidden });
        command.Parameters.Add(new() { Value = post.AuthorRole });
        await command.ExecuteNonQueryAsync();
    }

    public async Task<IReadOnlyList<ForumPostView>> ReadPostsAsync(Guid threadId, long afterSequence, int limit, bool includeHidden)
    {
        await using var command = dataSource.CreateCommand(
            $"""
            SELECT {PostColumns} FROM forum_posts
            WHERE thread_id = $1 AND seq > $2 AND ($3 OR NOT hidden)
            ORDER BY seq LIMIT $4
            """);
        command.Parameters.Add(new() { Value = threadId });
        command.Parameters.Add(new() { Value = afterSequence });
        command.Parameters.Add(new() { Value = includeHidden });
        command.Parameters.Add(new() { Value = limit });
        return await ReadPostsAsync(command);
    }

    public async Task<ForumPostView?> FindPostAsync(Guid threadId, Guid postId)
    {
        await using var command = dataSource.CreateCommand(
            $"SELECT {PostColumns} FROM forum_posts WHERE thread_id = $1 AND post_id = $2");
        command.Parameters.Add(new() { Value = threadId });
        command.Parameters.Add(new() { Value = postId });
        var rows = await ReadPostsAsync(command);
        return rows.Count == 0 ? null : rows[0];
    }

    public async Task<long> MaxSequenceAsync(Guid threadId)
    {
        await using var command = dataSource.CreateCommand("SELECT COALESCE(MAX(seq), 0) FROM forum_posts WHERE thread_id = $1");
        command.Parameters.Add(new() { Value = threadId });
        return (long)(await command.ExecuteScalarAsync())!;
    }

    public async Task<ForumPostView?> AddVoteAsync(Guid threadId, Guid postId, string voterId, int value, DateTimeOffset at)
    {
        // One statement: the vote row and the score move together or not at all; a second vote by the
        // same voter inserts nothing and so updates nothing.
        await using var command = dataSource.CreateCommand(
            $"""
            WITH vote AS (
              INSERT INTO forum_votes (post_id, voter_id, value, created_at)
              SELECT post_id, $3, $4, $5 FROM forum_posts WHERE thread_id = $1 AND post_id = $2
              ON CONFLICT (post_id, voter_id) DO NOTHING
              RETURNING post_id, value)
            UPDATE forum_posts p SET score = p.score + vote.value FROM vote
            WHERE p.post_id = vote.post_id
            RETURNING {string.Join(", ", PostColumns.Split(", ").Select(c => "p." + c))}
            """);
        command.Parameters.Add(new() { Value = threadId });
        command.Parameters.Add(new() { Value = postId });
        command.Parameters.Add(new() { Value = voterId });
        command.Parameters.Add(new() { Value = (short)value });
        command.Parameters.Add(new() { Value = at.ToUniversalTime() });
        var rows = await ReadPostsAsync(command);
        return rows.Count == 0 ? null : rows[0];
    }

    public async Task<ForumPostView?> SetPostHiddenAsync(Guid threadId, Guid postId, bool hidden)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        ForumPostView? post;
        await using (var update = new NpgsqlCommand(
            $"UPDATE forum_posts SET hidden = $3 WHERE thread_id = $1 AND post_id = $2 RETURNING {PostColumns}", connection, transaction))
        {
            update.Parameters.Add(new() { Value = threadId });
            update.Parameters.Add(new() { Value = postId });
            update.Parameters.Add(new() { Value = hidden });
            var rows = await ReadPostsAsync(update);
            post = rows.Count == 0 ? null : rows[0];
        }

        if (post is not null)
        {
            await using var resolve = new NpgsqlCommand(
                "UPDATE forum_reports SET resolved = true WHERE post_id = $1 AND NOT resolved", connection, transaction);
            resolve.Parameters.Add(new() { Value = postId });
            await resolve.ExecuteNonQueryAsync();
        }

        await transaction.CommitAsync();
        return post;
    }

    public async Task<bool> AddReportAsync(ForumReportView report)
    {
        ArgumentNullException.ThrowIfNull(report);
        await using var command = dataSource.CreateCommand(
            """
            INSERT INTO forum_reports (report_id, course_id, thread_id, post_id, reporter_id, reason, created_at, resolved)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
            ON CONFLICT (post_id, reporter_id) DO NOTHING
            """);
        command.Parameters.Add(new() { Value = report.ReportId });
        command.Parameters.Add(new() { Value = report.CourseId });
        command.Parameters.Add(new() { Value = report.ThreadId });
        command.Parameters.Add(new() { Value = report.PostId });
        command.Parameters.Add(new() { Value = report.ReporterId });
        command.Parameters.Add(new() { Value = report.Reason });
        command.Parameters.Add(new() { Value = report.CreatedAt.ToUniversalTime() });
        command.Parameters.Add(new() { Value = report.Resolved });
        return await command.ExecuteNonQueryAsync() == 1;
    }

    public async Task<ForumReportPage> ListReportsAsync(string courseId, bool includeResolved, string? after, int limit)
    {
        var hasCursor = ForumCursor.TryDecode(after, out var cursor);
        await using var command = dataSource.CreateCommand(
            """
            SELECT report_id, course_id, thread_id, post_id, reporter_id, reason, created_at, resolved
            FROM forum_reports
            WHERE course_id = $1 AND ($2 OR NOT resolved) AND (NOT $3 OR (created_at, report_id) > ($4, $5))
            ORDER BY created_at, report_id LIMIT $6
            """);
        command.Parameters.Add(new() { Value = courseId });
        command.Parameters.Add(new() { Value = includeResolved });
        command.Parameters.Add(new() { Value = hasCursor });
        command.Parameters.Add(new() { Value = cursor.At.ToUniversalTime() });
        command.Parameters.Add(new() { Value = cursor.Id });
        command.Parameters.Add(new() { Value = limit + 1 });
        var rows = new List<ForumReportView>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                rows.Add(new ForumReportView(
                    reader.GetGuid(0), reader.GetString(1), reader.GetGuid(2), reader.GetGuid(3), reader.GetString(4),
                    reader.GetString(5), reader.GetFieldValue<DateTimeOffset>(6), reader.GetBoolean(7)));
            }
        }

        string? next = null;
        if (rows.Count > limit)
        {
            rows.RemoveAt(rows.Count - 1);
            next = new ForumCursor(false, rows[^1].CreatedAt, rows[^1].ReportId).Encode();
        }

        return new ForumReportPage(rows, next);
    }

    private static async Task<IReadOnlyList<ForumPostView>> ReadPostsAsync(NpgsqlCommand command)
    {
        var rows = new List<ForumPostView>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(new ForumPostView(
                reader.GetString(0), reader.GetGuid(1), reader.GetGuid(2), reader.GetInt64(3), reader.GetString(4),
                reader.GetString(5), reader.IsDBNull(6) ? null : reader.GetGuid(6), reader.GetFieldValue<DateTimeOffset>(7),
                reader.GetInt32(8), reader.GetBoolean(9), reader.GetString(10)));
        }

        return rows;
    }

    public async Task<IReadOnlyList<(string CourseId, Guid ThreadId)>> ThreadsOfAuthorAsync(string authorId)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT course_id, thread_id FROM forum_threads WHERE author_id = $1 UNION SELECT course_id, thread_id FROM forum_posts WHERE author_id = $1");
        command.Parameters.Add(new() { Value = authorId });
        var found = new List<(string, Guid)>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            found.Add((reader.GetString(0), reader.GetGuid(1)));
        }

        return found;
    }

    public async Task NeutralisePostsAsync(Guid threadId, string authorId, string neutral)
    {
        await using var command = dataSource.CreateCommand("UPDATE forum_posts SET author_id = $3 WHERE thread_id = $1 AND author_id = $2");
        command.Parameters.Add(new() { Value = threadId });
        command.Parameters.Add(new() { Value = authorId });
        command.Parameters.Add(new() { Value = neutral });
        await command.ExecuteNonQueryAsync();
    }
}
