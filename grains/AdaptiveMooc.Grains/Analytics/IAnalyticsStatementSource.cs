using AdaptiveMooc.Grains.Abstractions.Analytics;
using AdaptiveMooc.Grains.Abstractions.Statements;

namespace AdaptiveMooc.Grains.Analytics;

/// <summary>
/// Where a shard catches its rows up from: the statement store, read for many learners at once (each
/// learner's statements in sequence order, the order the learner grain applied them), and the members log
/// of which learners the shard has a row for and their enrolment (what the statement store does not hold).
/// </summary>
internal interface IAnalyticsStatementSource
{
    /// <summary>
    /// Statements about <paramref name="courseId"/> of the learners <paramref name="learners"/>, each after
    /// its own sequence in <paramref name="after"/>, ordered by learner and then sequence, starting after
    /// <paramref name="cursor"/> (the learner and sequence of the previous page's last statement), at most
    /// <paramref name="limit"/> of them.
    /// </summary>
    Task<IReadOnlyList<StoredStatement>> ReadAsync(
        string courseId, IReadOnlyList<string> learners, IReadOnlyList<long> after, StoredStatement? cursor, int limit, CancellationToken cancellationToken);

    /// <summary>
    /// Records a learner of the shard: with <paramref name="enrolment"/>, their enrolment as it now stands
    /// (replacing the one recorded); without, only that they have a row (an enrolment recorded stays).
    /// O(1); durable when it returns.
    /// </summary>
    Task RememberAsync(string courseId, int shard, string learnerId, AnalyticsEnrolment? enrolment, CancellationToken cancellationToken);

    /// <summary>Every learner recorded for the shard.</summary>
    Task<IReadOnlyList<AnalyticsMember>> MembersAsync(string courseId, int shard, CancellationToken cancellationToken);
}
