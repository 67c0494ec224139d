using AdaptiveMooc.Grains.Abstractions.Common;
using System.Text.Json;
using AdaptiveMooc.Grains.Abstractions;
using AdaptiveMooc.Grains.Abstractions.Courses;
using AdaptiveMooc.Grains.Abstractions.Recommendations;
using AdaptiveMooc.Grains.Models;
using AdaptiveMooc.ML.Ranking;

namespace AdaptiveMooc.Grains.Recommendations;

/// <summary>
/// The course-wide next-lesson statistics (<see cref="CourseRankingStats"/>, the ML project's own code)
/// of one course. Learner grains send one observation per lesson event (one-way); recommendation workers
/// read a snapshot and cache it briefly. The stats are bounded by the course's lessons, weeks and days,
/// whatever the number of learners. They are persisted every <see cref="FlushDelay"/> while they change
/// (and on deactivation): a silo crash loses at most that many seconds of popularity counts, which only
/// shade rankings and are never a learner's own data.
/// </summary>
[GrainType("course-ranking")]
internal sealed class CourseRankingGrain(
    [PersistentState("course-ranking", StorageNames.Default)] IPersistentState<CourseRankingState> state,
    TimeProvider clock) : Grain, ICourseRankingGrain
{
    private static readonly TimeSpan FlushDelay = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan CourseCacheLifetime = TimeSpan.FromSeconds(30);

    private CourseRankingStats? stats;
    private int courseVersion;
    private DateTimeOffset courseFetchedAt;
    private CourseRankingSnapshot? answered;
    private bool dirty;
    private IGrainTimer? flushTimer;

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (dirty)
        {
            await Flush();
        }
    }

    public async Task Observe(RankingObservationMessage observation)
    {
        ArgumentNullException.ThrowIfNull(observation);
        if (await Stats() is not { } current)
        {
            return;
        }

        current.Observe(new RankingObservation(
            observation.LessonId, observation.Day, observation.Count, observation.NewDay, observation.LeftDayLessons, observation.NewLessonDay, observation.TransitionSources));
        state.State.Observations++;
        answered = null;
        dirty = true;
        flushTimer ??= this.RegisterGrainTimer(OnFlushTimer, new GrainTimerCreationOptions(FlushDelay, Timeout.InfiniteTimeSpan));
    }

    public async Task<CourseRankingSnapshot?> GetSnapshot()
    {
        if (await Stats() is not { } current)
        {
            return null;
        }

        return answered ??= new CourseRankingSnapshot(JsonSerializer.Serialize(current.ToSnapshot(), CourseModelInputs.Json), state.State.Observations);
    }

    /// <summary>The stats over the course's current lessons; rebuilt (keeping every count) when the course changed.</summary>
    private async Task<CourseRankingStats?> Stats()
    {
        var now = clock.GetUtcNow();
        if (stats is not null && now - courseFetchedAt < CourseCacheLifetime)
        {
            return stats;
        }

        var course = await GrainFactory.ByKey<ICourseGrain>(this.GetPrimaryKeyString()).Get();
        if (course is null)
        {
            return null;
        }

        courseFetchedAt = now;
        if (stats is not null && course.Version == courseVersion)
        {
            return stats;
        }

        var candidates = CourseModelInputs.Candidates(course.Definition);
        var snapshot = stats?.ToSnapshot()
            ?? (state.State.Snapshot is { } json ? JsonSerializer.Deserialize<CourseRankingStatsSnapshot>(json, CourseModelInputs.Json) : null);
        stats = snapshot is null ? new CourseRankingStats(candidates) : CourseRankingStats.FromSnapshot(candidates, snapshot);
        courseVersion = course.Version;
        answered = null;
        return stats;
    }

    private async Task OnFlushTimer(CancellationToken cancellationToken)
    {
        flushTimer?.Dispose();
        flushTimer = null;
        if (dirty)
        {
            await Flush();
        }
    }

    private async Task Flush()
    {
        if (stats is null)
        {
            return;
        }

        state.State.Snapshot = JsonSerializer.Serialize(stats.ToSnapshot(), CourseModelInputs.Json);
        dirty = false;
        await state.WriteStateAsync();
    }
}
