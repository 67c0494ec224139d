using AdaptiveMooc.Grains.Abstractions.Analytics;
using AdaptiveMooc.Grains.Abstractions.Statements;
using AdaptiveMooc.Grains.Statements;

namespace AdaptiveMooc.Grains.Analytics;

/// <summary>
/// The same reads over any <see cref="IStatementStore"/>, one learner at a time: for <c>--memory</c> runs
/// and grain tests, where the store lives in the process and nothing survives it anyway.
/// </summary>
internal sealed class StoreAnalyticsStatementSource(IStatementStore store) : IAnalyticsStatementSource
{
    private const int Page = 500;

    private readonly System.Collections.Concurrent.ConcurrentDictionary<(string CourseId, int Shard, string LearnerId), AnalyticsMember> members = new();

    public Task RememberAsync(string courseId, int shard, string learnerId, AnalyticsEnrolment? enrolment, CancellationToken cancellationToken)
    {
        var member = new AnalyticsMember(learnerId, enrolment);
        members.AddOrUpdate((courseId, shard, learnerId), member, (_, existing) => enrolment is null ? existing : member);
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<AnalyticsMember>> MembersAsync(string courseId, int shard, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<AnalyticsMember>>([.. members.Where(m => m.Key.CourseId == courseId && m.Key.Shard == shard).Select(m => m.Value)]);

    public async Task<IReadOnlyList<StoredStatement>> ReadAsync(
        string courseId, IReadOnlyList<string> learners, IReadOnlyList<long> after, StoredStatement? cursor, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(learners);
        ArgumentNullException.ThrowIfNull(after);
        var result = new List<StoredStatement>();
        var order = Enumerable.Range(0, learners.Count).OrderBy(i => learners[i], StringComparer.Ordinal);
        foreach (var i in order)
        {
            var learnerId = learners[i];
            var compared = cursor is null ? 1 : string.CompareOrdinal(learnerId, cursor.Statement.LearnerId);
            if (compared < 0)
            {
                continue;
            }

            long? sequence = compared == 0 ? Math.Max(after[i], cursor!.Sequence) : after[i];
            while (sequence is not null && result.Count < limit)
            {
                var page = await store.QueryAsync(new StatementQuery(learnerId, null, null, null, null, Page, sequence, true), cancellationToken);
                result.AddRange(page.Statements.Where(s => s.Statement.CourseId == courseId).Take(limit - result.Count));
                sequence = page.NextSequence;
            }

            if (result.Count >= limit)
            {
                break;
            }
        }

        return result;
    }
}
