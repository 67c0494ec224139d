using AdaptiveMooc.Grains.Abstractions;
using AdaptiveMooc.Grains.Abstractions.Analytics;

namespace AdaptiveMooc.Grains.Analytics;

/// <summary>
/// One shard of a course's analytics. Writes are batched (every <see cref="FlushEvery"/> changes or
/// after <see cref="FlushDelay"/>) because a write per statement would make analytics the bottleneck
/// of ingestion; what a crash loses before a flush is not replayed (see docs/ANALYTICS.md).
/// </summary>
[GrainType("course-analytics-shard")]
internal sealed class CourseAnalyticsShardGrain(
    [PersistentState("analytics-shard", StorageNames.Default)] IPersistentState<AnalyticsShardState> state) : Grain, ICourseAnalyticsShardGrain
{
    private const int FlushEvery = 500;
    private static readonly TimeSpan FlushDelay = TimeSpan.FromSeconds(5);

    private WriteBehind? writes;

    private WriteBehind Writes => writes ??= new WriteBehind(this, state.WriteStateAsync, FlushEvery, FlushDelay);

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (Writes.Pending)
        {
            await Writes.Write();
        }
    }

    public Task Apply(AnalyticsFact fact)
    {
        ArgumentNullException.ThrowIfNull(fact);
        AnalyticsRowRules.Apply(RowOf(fact.LearnerId), fact);
        return Changed();
    }

    public Task SetEnrolment(string learnerId, DateTimeOffset enrolledAt, DateTimeOffset? withdrawnAt)
    {
        ArgumentNullException.ThrowIfNull(learnerId);
        var row = RowOf(learnerId);
        row.EnrolledAt = enrolledAt;
        row.WithdrawnAt = withdrawnAt;
        return Changed();
    }

    public Task<IReadOnlyList<LearnerAnalyticsRow>> GetRows() =>
        Task.FromResult<IReadOnlyList<LearnerAnalyticsRow>>([.. state.State.Rows.Values]);

    private LearnerAnalyticsRow RowOf(string learnerId)
    {
        if (!state.State.Rows.TryGetValue(learnerId, out var row))
        {
            state.State.Rows[learnerId] = row = new LearnerAnalyticsRow { LearnerId = learnerId };
        }

        return row;
    }

    private Task Changed() => Writes.Changed();
}
