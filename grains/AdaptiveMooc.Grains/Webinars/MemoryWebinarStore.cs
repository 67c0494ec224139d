using AdaptiveMooc.Grains.Abstractions.Webinars;

namespace AdaptiveMooc.Grains.Webinars;

/// <summary>The webinar store of <c>--memory</c> runs and grain tests; same semantics as <see cref="PostgresWebinarStore"/>.</summary>
internal sealed class MemoryWebinarStore : IWebinarStore
{
    private readonly Lock gate = new();
    private readonly Dictionary<Guid, WebinarView> webinars = [];
    private readonly Dictionary<(Guid WebinarId, string LearnerId), (DateTimeOffset RegisteredAt, DateTimeOffset? AttendedAt)> registrations = [];

    public Task SaveWebinarAsync(WebinarView webinar)
    {
        ArgumentNullException.ThrowIfNull(webinar);
        lock (gate)
        {
            webinars[webinar.WebinarId] = webinar;
        }

        return Task.CompletedTask;
    }

    public Task<int> CountRegistrationsAsync(Guid webinarId)
    {
        lock (gate)
        {
            return Task.FromResult(registrations.Keys.Count(k => k.WebinarId == webinarId));
        }
    }

    public Task<bool> TryRegisterAsync(string courseId, Guid webinarId, string learnerId, DateTimeOffset at)
    {
        lock (gate)
        {
            return Task.FromResult(registrations.TryAdd((webinarId, learnerId), (at, null)));
        }
    }

    public Task<bool> IsRegisteredAsync(Guid webinarId, string learnerId)
    {
        lock (gate)
        {
            return Task.FromResult(registrations.ContainsKey((webinarId, learnerId)));
        }
    }

    public Task<IReadOnlyList<WebinarRegistrationView>> ListRegistrationsAsync(Guid webinarId)
    {
        lock (gate)
        {
            IReadOnlyList<WebinarRegistrationView> rows = registrations
                .Where(r => r.Key.WebinarId == webinarId)
                .Select(r => new WebinarRegistrationView(r.Key.LearnerId, r.Value.RegisteredAt, r.Value.AttendedAt))
                .OrderBy(r => r.RegisteredAt).ThenBy(r => r.LearnerId, StringComparer.Ordinal)
                .ToList();
            return Task.FromResult(rows);
        }
    }

    public Task<bool> MarkAttendedAsync(Guid webinarId, string learnerId, DateTimeOffset at)
    {
        lock (gate)
        {
            if (!registrations.TryGetValue((webinarId, learnerId), out var row))
            {
                return Task.FromResult(false);
            }

            registrations[(webinarId, learnerId)] = row with { AttendedAt = row.AttendedAt ?? at };
            return Task.FromResult(true);
        }
    }

    public Task<WebinarPage> ListForCourseAsync(string courseId, string? after, int limit)
    {
        lock (gate)
        {
            return Task.FromResult(Page(webinars.Values.Where(w => w.CourseId == courseId), after, limit));
        }
    }

    public Task<WebinarPage> ListForLearnerAsync(string learnerId, DateTimeOffset? from, string? after, int limit)
    {
        lock (gate)
        {
            var mine = registrations.Keys
                .Where(k => k.LearnerId == learnerId && webinars.ContainsKey(k.WebinarId))
                .Select(k => webinars[k.WebinarId])
                .Where(w => from is null || w.Start.AddMinutes(w.Minutes) >= from);
            return Task.FromResult(Page(mine, after, limit));
        }
    }

    private static WebinarPage Page(IEnumerable<WebinarView> rows, string? after, int limit)
    {
        var hasCursor = WebinarCursor.TryDecode(after, out var cursor);
        var page = rows
            .Where(w => !hasCursor || cursor.Precedes(w.Start, w.WebinarId))
            .OrderBy(w => w.Start.UtcTicks)
            .ThenBy(w => w.WebinarId.ToString("N"), StringComparer.Ordinal)
            .Take(limit + 1)
            .ToList();
        string? next = null;
        if (page.Count > limit)
        {
            page.RemoveAt(page.Count - 1);
            next = new WebinarCursor(page[^1].Start, page[^1].WebinarId).Encode();
        }

        return new WebinarPage(page, next);
    }
}
