using AdaptiveMooc.Grains.Abstractions.Statements;

namespace AdaptiveMooc.Grains.Analytics;

/// <summary>
/// Where a shard catches its rows up from: the statement store, read for many learners at once. Each
/// learner's statements come in sequence order (the order the learner grain applied them).
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
}
