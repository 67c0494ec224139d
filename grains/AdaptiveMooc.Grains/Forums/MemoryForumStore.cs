using System.Collections.Concurrent;
using AdaptiveMooc.Grains.Abstractions.Forums;

namespace AdaptiveMooc.Grains.Forums;

/// <summary>
/// The forum store of <c>./mooc up --memory</c> and of grain tests: the same semantics as
/// <see cref="PostgresForumStore"/> except that text search matches words by prefix, without stemming.
/// One lock keeps it simple; nothing here is meant to be fast or durable.
/// </summary>
internal sealed class MemoryForumStore : IForumStore
{
    private readonly Lock gate = new();
    private readonly Dictionary<(string CourseId, Guid ThreadId), ForumThreadView> threads = [];
    private readonly Dictionary<Guid, ForumPostView> posts = [];
    private readonly HashSet<(Guid PostId, string VoterId)> votes = [];
    private readonly Dictionary<Guid, ForumReportView> reports = [];

    public Task SaveThreadAsync(ForumThreadView thread)
    {
        ArgumentNullException.ThrowIfNull(thread);
        lock (gate)
        {
            threads[(thread.CourseId, thread.ThreadId)] = thread;
        }

        return Task.CompletedTask;
    }

    public Task<ForumThreadPage> QueryThreadsAsync(string courseId, ForumThreadQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var hasCursor = ForumCursor.TryDecode(query.After, out var cursor);
        var words = ForumText.Words(query.Text);
        List<ForumThreadView> rows;
        lock (gate)
        {
            rows = [.. threads.Values.Where(t => t.CourseId == courseId
                && (query.IncludeHidden || !t.Hidden)
                && (query.Tag is null || t.Tags.Contains(query.Tag, StringComparer.Ordinal))
                && (!query.Unanswered || t.ReplyCount == 0)
                && (words.Count == 0 || ForumText.MatchesAll(words, t.Title, t.Body))
                && (!hasCursor || cursor.Precedes(t.Pinned, t.CreatedAt, t.ThreadId)))];
        }

        var page = rows
            .OrderByDescending(t => t.Pinned)
            .ThenByDescending(t => t.CreatedAt.UtcTicks)
            .ThenByDescending(t => t.ThreadId.ToString("N"), StringComparer.Ordinal)
            .Take(query.Limit + 1)
            .ToList();
        string? next = null;
        if (page.Count > query.Limit)
        {
            page.RemoveAt(page.Count - 1);
            var last = page[^1];
            next = new ForumCursor(last.Pinned, last.CreatedAt, last.ThreadId).Encode();
        }

        return Task.FromResult(new ForumThreadPage(page, next));
    }

    public Task AppendPostAsync(ForumPostView post)
    {
        ArgumentNullException.ThrowIfNull(post);
        lock (gate)
        {
            if (!posts.ContainsKey(post.PostId))
            {
                if (posts.Values.Any(p => p.ThreadId == post.ThreadId && p.Sequence == post.Sequence))
                {
                    throw new InvalidOperationException($"Post sequence {post.Sequence} of thread {post.ThreadId} is taken.");
                }

                posts[post.PostId] = post;
            }
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<ForumPostView>> ReadPostsAsync(Guid threadId, long afterSequence, int limit, bool includeHidden)
    {
        lock (gate)
        {
            IReadOnlyList<ForumPostView> page = [.. posts.Values
                .Where(p => p.ThreadId == threadId && p.Sequence > afterSequence && (includeHidden || !p.Hidden))
                .OrderBy(p => p.Sequence)
                .Take(limit)];
            return Task.FromResult(page);
        }
    }

    public Task<ForumPostView?> FindPostAsync(Guid threadId, Guid postId)
    {
        lock (gate)
        {
            return Task.FromResult(posts.TryGetValue(postId, out var post) && post.ThreadId == threadId ? post : null);
        }
    }

    public Task<long> MaxSequenceAsync(Guid threadId)
    {
        lock (gate)
        {
            return Task.FromResult(posts.Values.Where(p => p.ThreadId == threadId).Select(p => p.Sequence).DefaultIfEmpty(0).Max());
        }
    }

    public Task<ForumPostView?> AddVoteAsync(Guid threadId, Guid postId, string voterId, int value, DateTimeOffset at)
    {
        lock (gate)
        {
            if (!posts.TryGetValue(postId, out var post) || post.ThreadId != threadId || !votes.Add((postId, voterId)))
            {
                return Task.FromResult<ForumPostView?>(null);
            }

            var updated = post with { Score = post.Score + value };
            posts[postId] = updated;
            return Task.FromResult<ForumPostView?>(updated);
        }
    }

    public Task<ForumPostView?> SetPostHiddenAsync(Guid threadId, Guid postId, bool hidden)
    {
        lock (gate)
        {
            if (!posts.TryGetValue(postId, out var post) || post.ThreadId != threadId)
            {
                return Task.FromResult<ForumPostView?>(null);
            }

            var updated = post with { Hidden = hidden };
            posts[postId] = updated;
            foreach (var report in reports.Values.Where(r => r.PostId == postId && !r.Resolved).ToList())
            {
                reports[report.ReportId] = report with { Resolved = true };
            }

            return Task.FromResult<ForumPostView?>(updated);
        }
    }

    public Task<bool> AddReportAsync(ForumReportView report)
    {
        ArgumentNullException.ThrowIfNull(report);
        lock (gate)
        {
            if (reports.Values.Any(r => r.PostId == report.PostId && r.ReporterId == report.ReporterId))
            {
                return Task.FromResult(false);
            }

            reports[report.ReportId] = report;
            return Task.FromResult(true);
        }
    }

    public Task<ForumReportPage> ListReportsAsync(string courseId, bool includeResolved, string? after, int limit)
    {
        // Oldest first: a moderation queue is worked from its head. The cursor reuses the thread cursor's
        // (time, id) keyset with the order reversed.
        var hasCursor = ForumCursor.TryDecode(after, out var cursor);
        lock (gate)
        {
            var page = reports.Values
                .Where(r => r.CourseId == courseId && (includeResolved || !r.Resolved)
                    && (!hasCursor || r.CreatedAt.UtcTicks > cursor.At.UtcTicks
                        || (r.CreatedAt.UtcTicks == cursor.At.UtcTicks && ForumCursor.CompareIds(r.ReportId, cursor.Id) > 0)))
                .OrderBy(r => r.CreatedAt.UtcTicks)
                .ThenBy(r => r.ReportId.ToString("N"), StringComparer.Ordinal)
                .Take(limit + 1)
                .ToList();
            string? next = null;
            if (page.Count > limit)
            {
                page.RemoveAt(page.Count - 1);
                next = new ForumCursor(false, page[^1].CreatedAt, page[^1].ReportId).Encode();
            }

            return Task.FromResult(new ForumReportPage(page, next));
        }
    }

    public Task<IReadOnlyList<(string CourseId, Guid ThreadId)>> ThreadsOfAuthorAsync(string authorId)
    {
        lock (gate)
        {
            return Task.FromResult<IReadOnlyList<(string, Guid)>>(
                [.. threads.Values.Where(t => t.AuthorId == authorId).Select(t => (t.CourseId, t.ThreadId))
                    .Union(posts.Values.Where(p => p.AuthorId == authorId).Select(p => (p.CourseId, p.ThreadId)))]);
        }
    }

    public Task NeutralisePostsAsync(Guid threadId, string authorId, string neutral)
    {
        lock (gate)
        {
            foreach (var post in posts.Values.Where(p => p.ThreadId == threadId && p.AuthorId == authorId).ToList())
            {
                posts[post.PostId] = post with { AuthorId = neutral };
            }
        }

        return Task.CompletedTask;
    }
}
