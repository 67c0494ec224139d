using AdaptiveMooc.Grains.Abstractions.Common;
using AdaptiveMooc.Grains.Abstractions;
using AdaptiveMooc.Grains.Abstractions.Analytics;
using AdaptiveMooc.Grains.Abstractions.Courses;
using AdaptiveMooc.Grains.Abstractions.Statements;
using AdaptiveMooc.Grains.Models;
using Microsoft.Extensions.Options;

namespace AdaptiveMooc.Grains.Analytics;

/// <summary>
/// One shard of a course's analytics. Statement facts are written behind (<see cref="AnalyticsShardOptions"/>:
/// every 500 changes or 5 s after the first unwritten one) because a write per statement would make analytics the
/// bottleneck of ingestion; nothing is lost by a crash because the statement store holds every fact: each
/// row remembers the sequence of the last statement it applied, and activation catches every row up from
/// the store. What the store does not hold — enrolments, and which learners have a row — goes to the members
/// log (<see cref="IAnalyticsStatementSource.RememberAsync"/>, one row upserted) before the call returns, and
/// activation restores it from there first: writing the shard's whole state on those paths instead would cost
/// O(learners of the shard) per enrolment (measured: seeding 10,000 enrolments into one course did not finish
/// in 7 minutes that way).
/// </summary>
[GrainType("course-analytics-shard")]
internal sealed class CourseAnalyticsShardGrain(
    [PersistentState("analytics-shard", StorageNames.Default)] IPersistentState<AnalyticsShardState> state,
    IAnalyticsStatementSource source,
    IModelCatalog catalog,
    IOptions<AnalyticsShardOptions> options) : Grain, ICourseAnalyticsShardGrain
{
    private const int CatchUpPage = 5000;

    private readonly Guid epoch = Guid.NewGuid();
    private long changes;
    private WriteBehind? writes;

    private WriteBehind Writes => writes ??= new WriteBehind(this, state.WriteStateAsync, options.Value.FlushEvery, options.Value.FlushDelay);

    private int Shard
    {
        get
        {
            var key = this.GetPrimaryKeyString();
            return int.Parse(key.AsSpan(key.LastIndexOf('/') + 1), System.Globalization.CultureInfo.InvariantCulture);
        }
    }

    private string CourseId
    {
        get
        {
            var key = this.GetPrimaryKeyString();
            return key[..key.LastIndexOf('/')];
        }
    }

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // A failure here fails the activation: the next call activates again and retries, and the facts
        // dropped meanwhile are in the store.
        if (state.State.Format < AnalyticsShardState.SequencedFormat)
        {
            // Rows from before sequences were tracked would apply every stored statement again on top of
            // what they hold (counts twice): refold them from the store instead, once.
            var legacy = state.State.Rows.Count > 0;
            state.State.Format = AnalyticsShardState.SequencedFormat;
            if (legacy)
            {
                await Rebuild();
                return;
            }
        }

        var restored = await RestoreMembers(cancellationToken);
        var applied = await CatchUp([.. state.State.Rows.Keys], cancellationToken);
        if (applied + restored > 0)
        {
            changes++;
            await Writes.Changed(applied + restored);
        }
    }

    /// <summary>Rows and enrolments the members log holds and the persisted state lost (a crash before the write-behind ran).</summary>
    private async Task<int> RestoreMembers(CancellationToken cancellationToken)
    {
        var restored = 0;
        foreach (var member in await source.MembersAsync(CourseId, Shard, cancellationToken))
        {
            var known = state.State.Rows.TryGetValue(member.LearnerId, out var row);
            row ??= RowOf(member.LearnerId);
            if (!known || (member.Enrolment is { } enrolment && !SameEnrolment(row, enrolment)))
            {
                if (member.Enrolment is { } recorded)
                {
                    SetEnrolment(row, recorded);
                }

                restored++;
            }
        }

        return restored;
    }

    // PostgreSQL keeps microseconds, .NET 100 ns ticks: an instant read back equal to the microsecond is the same one.
    private static bool SameInstant(DateTimeOffset? a, DateTimeOffset? b) =>
        a is null ? b is null : b is not null && Math.Abs((a.Value - b.Value).Ticks) < TimeSpan.TicksPerMicrosecond;

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (Writes.Pending)
        {
            await Writes.Write();
        }
    }

    public async Task Apply(AnalyticsFact fact)
    {
        ArgumentNullException.ThrowIfNull(fact);
        var created = !state.State.Rows.ContainsKey(fact.LearnerId);
        var row = RowOf(fact.LearnerId);
        var recovered = 0;
        if (fact.PreviousSequence > row.LastSequence)
        {
            // The learner grain sent a fact this row never applied (a failed call): read the row's
            // statements after its sequence, this one's included, before applying it.
            recovered = await CatchUp([fact.LearnerId], CancellationToken.None);
        }

        var accepted = AnalyticsRowRules.Accept(row, fact);
        var missedEnrolment = fact.Enrolment is { } e && !SameEnrolment(row, e);
        if (!accepted && recovered == 0 && !missedEnrolment)
        {
            return;
        }

        changes++;
        if (missedEnrolment)
        {
            // The enrolment call for this row failed (or this row was lost with it): take the learner
            // grain's current enrolment, durably, as SetEnrolment would have.
            await Enrol(row, fact.Enrolment!);
        }
        else if (created)
        {
            // Catch-up only knows the learners that have a row: the new one is in the members log before this returns.
            await source.RememberAsync(CourseId, Shard, fact.LearnerId, null, CancellationToken.None);
        }

        await Writes.Changed();
    }

    public async Task SetEnrolment(string learnerId, AnalyticsEnrolment enrolment)
    {
        ArgumentNullException.ThrowIfNull(learnerId);
        ArgumentNullException.ThrowIfNull(enrolment);
        await Enrol(RowOf(learnerId), enrolment);
        await Writes.Changed();
    }

    /// <summary>Sets the row's enrolment and makes it durable in the members log (the statement store does not hold it).</summary>
    private async Task Enrol(LearnerAnalyticsRow row, AnalyticsEnrolment enrolment)
    {
        SetEnrolment(row, enrolment);
        changes++;
        await source.RememberAsync(CourseId, Shard, row.LearnerId, enrolment, CancellationToken.None);
    }

    private static void SetEnrolment(LearnerAnalyticsRow row, AnalyticsEnrolment enrolment)
    {
        row.EnrolledAt = enrolment.EnrolledAt;
        row.WithdrawnAt = enrolment.WithdrawnAt;
        row.WeeklyStudyHours = enrolment.WeeklyStudyHours;
    }

    private static bool SameEnrolment(LearnerAnalyticsRow row, AnalyticsEnrolment enrolment) =>
        SameInstant(row.EnrolledAt, enrolment.EnrolledAt) && SameInstant(row.WithdrawnAt, enrolment.WithdrawnAt) && row.WeeklyStudyHours == enrolment.WeeklyStudyHours;

    public Task<IReadOnlyList<LearnerAnalyticsRow>> GetRows() =>
        Task.FromResult<IReadOnlyList<LearnerAnalyticsRow>>([.. state.State.Rows.Values]);

    public Task<AnalyticsShardVersion> GetVersion() => Task.FromResult(Version);

    public Task<AnalyticsShardSnapshot> GetSnapshot() =>
        Task.FromResult(new AnalyticsShardSnapshot(Version, [.. state.State.Rows.Values]));

    public async Task<int> Rebuild()
    {
        foreach (var (learnerId, row) in state.State.Rows.ToList())
        {
            state.State.Rows[learnerId] = new LearnerAnalyticsRow { LearnerId = learnerId, EnrolledAt = row.EnrolledAt, WithdrawnAt = row.WithdrawnAt, WeeklyStudyHours = row.WeeklyStudyHours };
        }

        var applied = await CatchUp([.. state.State.Rows.Keys], CancellationToken.None);
        changes++;
        await Writes.Write();
        return applied;
    }

    private AnalyticsShardVersion Version => new(epoch, changes);

    /// <summary>
    /// Applies to the rows of <paramref name="learners"/> the statements after each one's
    /// <see cref="LearnerAnalyticsRow.LastSequence"/>, read for all of them at once, page by page. Statements
    /// read back carry no mastery, and the mastery after an answer depends on every earlier answer, so the
    /// learners with recovered answers have knowledge tracing replayed over their whole history of the
    /// course (only after a crash, a failed call or a rebuild).
    /// </summary>
    private async Task<int> CatchUp(IReadOnlyList<string> learners, CancellationToken cancellationToken)
    {
        if (learners.Count == 0 || await GrainFactory.ByKey<ICourseGrain>(CourseId).Get() is not { } course)
        {
            return 0;
        }

        var courseId = CourseId;
        var lessons = course.Definition.AllLessons().ToDictionary(l => l.Id, StringComparer.Ordinal);
        var answered = new List<string>();
        var applied = 0;
        await Read(learners, [.. learners.Select(l => state.State.Rows[l].LastSequence)], stored =>
        {
            var fact = AnalyticsFeed.FactOf(stored, courseId, lessons, masteryOf: null);
            if (AnalyticsRowRules.Accept(state.State.Rows[fact.LearnerId], fact))
            {
                applied++;
            }

            if (fact.Outcome is not null && fact.Skills.Count > 0 && (answered.Count == 0 || answered[^1] != fact.LearnerId))
            {
                answered.Add(fact.LearnerId);
            }
        }, cancellationToken);

        if (answered.Count > 0)
        {
            var replay = new MasteryReplay(catalog.Current.Kt);
            await Read(answered, new long[answered.Count], stored =>
            {
                // As the learner grain's model: nothing from outside the enrolment (Learners.ProgressRules.FeedsCourseModels).
                var row = state.State.Rows[stored.Statement.LearnerId];
                if (Learners.ProgressRules.FeedsCourseModels(row.EnrolledAt, stored.Statement.Timestamp)
                    && replay.Apply(stored, courseId, lessons) is { } mastery)
                {
                    AnalyticsRowRules.MergeMastery(row, stored.Sequence, stored.Statement.Timestamp, mastery);
                }
            }, cancellationToken);
        }

        if (applied > 0)
        {
            changes++;
        }

        return applied;
    }

    private async Task Read(IReadOnlyList<string> learners, long[] after, Action<StoredStatement> apply, CancellationToken cancellationToken)
    {
        StoredStatement? cursor = null;
        while (true)
        {
            var page = await source.ReadAsync(CourseId, learners, after, cursor, CatchUpPage, cancellationToken);
            foreach (var stored in page)
            {
                apply(stored);
            }

            if (page.Count < CatchUpPage)
            {
                return;
            }

            cursor = page[^1];
        }
    }

    private LearnerAnalyticsRow RowOf(string learnerId)
    {
        if (!state.State.Rows.TryGetValue(learnerId, out var row))
        {
            state.State.Rows[learnerId] = row = new LearnerAnalyticsRow { LearnerId = learnerId };
        }

        return row;
    }
}
