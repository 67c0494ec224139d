using AdaptiveMooc.Grains.Abstractions.Common;
using System.Globalization;
using AdaptiveMooc.Grains.Abstractions;
using AdaptiveMooc.Grains.Abstractions.Courses;
using AdaptiveMooc.Grains.Abstractions.Learners;
using AdaptiveMooc.Grains.Abstractions.Notifications;
using AdaptiveMooc.Grains.Abstractions.Planning;
using AdaptiveMooc.Grains.Models;
using AdaptiveMooc.Grains.Notifications;

namespace AdaptiveMooc.Grains.Planning;

/// <summary>
/// Computes and keeps one learner's plan for one course. A kept plan is answered again until its inputs
/// change (new statements move the progress version; availability, time zone, target date or the course
/// change) or one of its sessions has ended (done or missed: either way the rest must move). So the
/// same request twice gives the same plan, and a missed evening is re-planned at the next request.
/// While a plan has sessions ahead, a reminder wakes the grain every <see cref="WatchPeriod"/> to
/// notify the learner before each session and when they drift (missed sessions, inactivity); its first
/// look comes <see cref="FirstWatch"/> after the plan is made, so a learner who already drifted hears it
/// at once rather than a period later.
/// </summary>
[GrainType("plan")]
internal sealed class PlanGrain(
    [PersistentState("plan", StorageNames.Default)] IPersistentState<PlanState> state,
    IModelCatalog catalog,
    TimeProvider clock) : Grain, IPlanGrain, IRemindable
{
    public const string WatchReminder = "plan-watch";
    public static readonly TimeSpan WatchPeriod = TimeSpan.FromMinutes(15);
    public static readonly TimeSpan FirstWatch = TimeSpan.FromMinutes(1);

    private string LearnerId => Split().LearnerId;

    private string CourseId => Split().CourseId;

    public async Task<LearningPlan?> GetPlan(int weeks)
    {
        weeks = Math.Clamp(weeks, 1, IPlanGrain.MaxWeeks);
        if (string.IsNullOrEmpty(LearnerId) || string.IsNullOrEmpty(CourseId))
        {
            return null;
        }

        var learnerId = LearnerId;
        var courseId = CourseId;
        if (await GrainFactory.ByKey<ICourseGrain>(courseId).Get() is not { } course
            || await GrainFactory.ByKey<ILearnerGrain>(learnerId).GetCourseView(courseId, course.Definition) is not { Profile: var profile, Progress: var progress } learner)
        {
            return null;
        }

        var models = catalog.Current;
        var enrolment = learner.Enrolment;
        var now = clock.GetUtcNow();
        var webinars = await RegisteredWebinars.ForLearner(GrainFactory, learnerId, now);
        var inputsKey = InputsKey(profile, enrolment, progress, course, weeks) + "|" + models.Version + "|f" + RegisteredWebinars.Key(webinars);
        if (state.State.Plan is { } kept
            && string.Equals(state.State.InputsKey, inputsKey, StringComparison.Ordinal)
            && kept.Sessions.All(s => s.End > now))
        {
            return kept;
        }

        var request = PlanInputs.Build(profile, enrolment, progress, course.Definition, now, weeks, PacingMinutes.For(models, learner.Model))
            with { Events = webinars };
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
        if (result.Sessions.Count > 0)
        {
            // Reminders are durable (they survive silo restarts); re-registering only moves its schedule.
            await this.RegisterOrUpdateReminder(WatchReminder, FirstWatch, WatchPeriod);
        }

        return result;
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (!string.Equals(reminderName, WatchReminder, StringComparison.Ordinal))
        {
            return;
        }

        var now = clock.GetUtcNow();
        if (state.State.Plan is not { } plan || plan.Sessions.All(s => s.End <= now && s.End < now - WatchPeriod * 2))
        {
            await this.UnregisterReminder(await this.GetReminder(WatchReminder) ?? throw new InvalidOperationException("The reminder that fired is gone."));
            return;
        }

        var learner = GrainFactory.ByKey<ILearnerGrain>(LearnerId);
        var profileTask = learner.GetProfile();
        var progressTask = learner.GetProgress(CourseId);
        var enrolmentsTask = learner.GetEnrolments();
        await Task.WhenAll(profileTask, progressTask, enrolmentsTask);
        var lastActivity = progressTask.Result?.LastActivity;
        var inbox = GrainFactory.ByKey<INotificationInboxGrain>(LearnerId);
        foreach (var notification in PlanNotifications.Due(CourseId, plan, lastActivity, profileTask.Result, enrolmentsTask.Result, now))
        {
            await inbox.Add(notification);
        }

        if (DriftDetector.MissedSessions(plan.Sessions.Select(s => (s.Start, s.End)), lastActivity, now).Count > 0)
        {
            // A missed session moves the rest of the plan: the next request recomputes it.
            state.State.InputsKey = null;
            await state.WriteStateAsync();
        }
    }

    private (string LearnerId, string CourseId) Split()
    {
        var key = this.GetPrimaryKeyString();
        var slash = key.IndexOf('/', StringComparison.Ordinal);
        return slash <= 0 ? (string.Empty, string.Empty) : (key[..slash], key[(slash + 1)..]);
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
