using System.Globalization;
using AdaptiveMooc.Grains.Abstractions;
using AdaptiveMooc.Grains.Abstractions.Courses;
using AdaptiveMooc.Grains.Abstractions.Learners;
using AdaptiveMooc.Grains.Abstractions.Planning;

namespace AdaptiveMooc.Grains.Planning;

/// <summary>
/// Computes and keeps one learner's plan for one course. A kept plan is answered again until its inputs
/// change (new statements move the progress version; availability, time zone, target date or the course
/// change) or one of its sessions has ended (done or missed: either way the rest must move). So the
/// same request twice gives the same plan, and a missed evening is re-planned at the next request.
/// </summary>
[GrainType("plan")]
internal sealed class PlanGrain(
    [PersistentState("plan", StorageNames.Default)] IPersistentState<PlanState> state,
    TimeProvider clock) : Grain, IPlanGrain
{
    public async Task<LearningPlan?> GetPlan(int weeks)
    {
        weeks = Math.Clamp(weeks, 1, IPlanGrain.MaxWeeks);
        var key = this.GetPrimaryKeyString();
        var slash = key.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0)
        {
            return null;
        }

        var learnerId = key[..slash];
        var courseId = key[(slash + 1)..];
        var learner = GrainFactory.GetGrain<ILearnerGrain>(learnerId);
        var profileTask = learner.GetProfile();
        var progressTask = learner.GetProgress(courseId);
        var enrolmentsTask = learner.GetEnrolments();
        var courseTask = GrainFactory.GetGrain<ICourseGrain>(courseId).Get();
        await Task.WhenAll(profileTask, progressTask, enrolmentsTask, courseTask);
        if (profileTask.Result is not { } profile || progressTask.Result is not { } progress || courseTask.Result is not { } course)
        {
            return null;
        }

        var enrolment = enrolmentsTask.Result.FirstOrDefault(e => string.Equals(e.CourseId, courseId, StringComparison.Ordinal));
        var now = clock.GetUtcNow();
        var inputsKey = InputsKey(profile, enrolment, progress, course, weeks);
        if (state.State.Plan is { } kept
            && string.Equals(state.State.InputsKey, inputsKey, StringComparison.Ordinal)
            && kept.Sessions.All(s => s.End > now))
        {
            return kept;
        }

        var request = PlanInputs.Build(profile, enrolment, progress, course.Definition, now, weeks, lesson => lesson.Minutes);
        var plan = WeeklyPlanner.Plan(request);
        var result = new LearningPlan(
            plan.OnTrack,
            plan.ProjectedCompletion,
            plan.WeeklyHoursNeeded,
            plan.Explanation,
            [.. plan.Sessions.Select(s => new PlanSession(s.Start, s.End, s.LessonIds))],
            progress.StatementCount,
            now);
        state.State.Plan = result;
        state.State.InputsKey = inputsKey;
        await state.WriteStateAsync();
        return result;
    }

    private static string InputsKey(LearnerProfile profile, Enrolment? enrolment, CourseProgress progress, CourseSnapshot course, int weeks)
    {
        var windows = string.Join(
            ',',
            profile.WeeklyAvailability.Select(w => string.Create(CultureInfo.InvariantCulture, $"{(int)w.Day}:{w.Start:HH\\:mm}-{w.End:HH\\:mm}")));
        return string.Create(
            CultureInfo.InvariantCulture,
            $"v{progress.StatementCount}|c{course.Version}|w{weeks}|{profile.TimeZone}|{windows}|t{enrolment?.TargetDate:yyyy-MM-dd}|e{enrolment?.EnrolledAt.UtcTicks}|n{progress.CompletedLessons.Count}");
    }
}
