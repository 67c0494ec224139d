using System.Globalization;
using System.Security.Cryptography;
using AdaptiveMooc.Grains.Abstractions;
using AdaptiveMooc.Grains.Abstractions.Common;
using AdaptiveMooc.Grains.Abstractions.Courses;
using AdaptiveMooc.Grains.Abstractions.Learners;
using AdaptiveMooc.Grains.Abstractions.Notifications;
using AdaptiveMooc.Grains.Abstractions.Planning;
using AdaptiveMooc.Grains.Abstractions.Practice;
using AdaptiveMooc.Grains.Abstractions.Webinars;
using AdaptiveMooc.Grains.Models;
using AdaptiveMooc.Grains.Notifications;
using AdaptiveMooc.Grains.Recommendations;
using AdaptiveMooc.ML.Practice;
using Microsoft.Extensions.Options;

namespace AdaptiveMooc.Grains.Planning;

/// <summary>
/// One plan for all of a learner's active enrolments (<see cref="LearnerPlanner"/>). The plan is kept and
/// answered again until its inputs change (availability, time zone, enrolments, target dates, progress in
/// any course, registered webinars, the course versions, the model set) or a kept session ends. A
/// reminder (<see cref="WatchReminder"/>) runs while the learner has windows and work left, whether or
/// not anyone asks for the plan: it marks ended sessions done or missed, replans after a miss, and puts
/// session reminders, missed sessions and inactivity nudges in the inbox (which also queues the webhooks).
/// </summary>
[GrainType("learner-plan")]
internal sealed class LearnerPlanGrain(
    [PersistentState("learner-plan", StorageNames.Default)] IPersistentState<LearnerPlanState> state,
    IModelCatalog catalog,
    TimeProvider clock,
    IOptions<LearnerPlanOptions> options) : Grain, ILearnerPlanGrain, IRemindable
{
    public const string WatchReminder = "learner-plan-watch";

    /// <summary>Past sessions kept with their status.</summary>
    public const int HistoryLimit = 60;

    /// <summary>Past sessions are shown for this long.</summary>
    public static readonly TimeSpan HistoryKept = TimeSpan.FromDays(14);

    /// <summary>Whether this activation knows the reminder to be registered (true) or absent (false); null until it asked.</summary>
    private bool? watching;

    private string LearnerId => this.GetPrimaryKeyString();

    public async Task<LearnerPlan?> GetPlan(int weeks)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        try
        {
            return await Plan(weeks);
        }
        finally
        {
            RecordPlan(started, "plan");
        }
    }

    private async Task<LearnerPlan?> Plan(int weeks)
    {
        weeks = Math.Clamp(weeks, 1, IPlanGrain.MaxWeeks);
        if (await Gather(null) is not { } inputs)
        {
            return null;
        }

        await Refresh(inputs);
        return View(state.State, weeks);
    }

    public async Task<LearnerPlan?> WhatIf(PlanWhatIf change, int weeks)
    {
        ArgumentNullException.ThrowIfNull(change);
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        try
        {
            return await PlanWhatIf(change, weeks);
        }
        finally
        {
            RecordPlan(started, "what-if");
        }
    }

    private static void RecordPlan(long started, string operation) =>
        GrainMetrics.PlanDuration.Record(GrainMetrics.Seconds(started), new KeyValuePair<string, object?>("operation", operation));

    private async Task<LearnerPlan?> PlanWhatIf(PlanWhatIf change, int weeks)
    {
        weeks = Math.Clamp(weeks, 1, IPlanGrain.MaxWeeks);
        if (await Gather(change) is not { } inputs)
        {
            return null;
        }

        // The same computation as a replan, on a copy: nothing of the kept plan changes.
        var copy = new LearnerPlanState
        {
            Planned = [.. state.State.Planned],
            History = [.. state.State.History],
        };
        Close(copy, inputs);
        Replan(copy, inputs);
        return View(copy, weeks);
    }

    public async Task<LearningPlan?> GetCoursePlan(string courseId, int weeks)
    {
        ArgumentNullException.ThrowIfNull(courseId);
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        try
        {
            return await CoursePlan(courseId, weeks);
        }
        finally
        {
            RecordPlan(started, "course-plan");
        }
    }

    private async Task<LearningPlan?> CoursePlan(string courseId, int weeks)
    {
        weeks = Math.Clamp(weeks, 1, IPlanGrain.MaxWeeks);
        if (await Gather(null) is not { } inputs)
        {
            return null;
        }

        await Refresh(inputs);
        var plan = View(state.State, weeks);
        if (plan.Courses.FirstOrDefault(c => string.Equals(c.CourseId, courseId, StringComparison.Ordinal)) is { } course)
        {
            return new LearningPlan(
                course.OnTrack,
                course.ProjectedCompletion,
                course.WeeklyHoursNeeded,
                course.Explanation,
                [.. plan.Sessions
                    .Where(s => s.Status == LearnerPlanSession.Planned && string.Equals(s.CourseId, courseId, StringComparison.Ordinal))
                    .Select(s => new PlanSession(s.Start, s.End, s.LessonIds))],
                course.ProgressVersion,
                plan.PlannedAt);
        }

        // Activity without an active enrolment (withdrawn, or statements only): the course is in no plan.
        var progress = await GrainFactory.ByKey<ILearnerGrain>(LearnerId).GetProgress(courseId);
        return progress is null
            ? null
            : new LearningPlan(
                false,
                null,
                0,
                "Not planned: you have no active enrolment in this course, so your plan gives it no time.",
                [],
                progress.StatementCount,
                plan.PlannedAt);
    }

    public async Task InputsChanged()
    {
        if (await Gather(null) is { } inputs)
        {
            await Refresh(inputs);
        }
    }

    public async Task<string?> OpenCalendarFeed()
    {
        if (await GrainFactory.ByKey<ILearnerGrain>(LearnerId).GetProfile() is null)
        {
            return null;
        }

        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var key = ICalendarFeedGrain.KeyOf(token);
        // The new feed is durable before the plan points at it, and the old one is revoked only after:
        // a crash in between leaves at worst an old feed open, never the learner without the one returned.
        await GrainFactory.ByKey<ICalendarFeedGrain>(key).Open(LearnerId);
        var previous = state.State.FeedKey;
        state.State.FeedKey = key;
        await state.WriteStateAsync();
        if (previous is not null)
        {
            await GrainFactory.ByKey<ICalendarFeedGrain>(previous).Revoke();
        }

        return token;
    }

    public async Task<bool> RevokeCalendarFeed()
    {
        if (state.State.FeedKey is not { } key)
        {
            return false;
        }

        await GrainFactory.ByKey<ICalendarFeedGrain>(key).Revoke();
        state.State.FeedKey = null;
        await state.WriteStateAsync();
        return true;
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (!string.Equals(reminderName, WatchReminder, StringComparison.Ordinal))
        {
            return;
        }

        // It fired, so it is registered, whatever this activation thought.
        watching = true;
        if (await Gather(null) is not { } inputs)
        {
            await Watch(false);
            return;
        }

        await Refresh(inputs);
        var now = inputs.Now;
        var inbox = GrainFactory.ByKey<INotificationInboxGrain>(LearnerId);
        foreach (var reminder in PlanNotifications.Reminders(state.State.Planned, now))
        {
            await inbox.Add(reminder);
        }

        foreach (var course in inputs.Courses.Where(c => c.Demand.Remaining.Count > 0 && !c.Hypothetical))
        {
            if (PlanNotifications.Inactive(course.Enrolment, course.Progress.LastActivity, inputs.Profile, now) is { } nudge)
            {
                await inbox.Add(nudge);
            }
        }
    }

    /// <summary>Marks ended sessions, notifies missed ones, and replans when anything moved.</summary>
    private async Task Refresh(Inputs inputs)
    {
        var closed = Close(state.State, inputs);
        var missed = closed.Where(s => s.Status == LearnerPlanSession.Missed).ToList();
        var unchanged = closed.Count == 0
            && state.State.PlannedAt is not null
            && string.Equals(state.State.InputsKey, inputs.Key, StringComparison.Ordinal);
        if (!unchanged)
        {
            // Notified before the write: a crash in between notifies again with the same id, which the
            // inbox (and the webhook outbox) drop; the other order could lose the notification.
            var inbox = GrainFactory.ByKey<INotificationInboxGrain>(LearnerId);
            foreach (var session in missed)
            {
                await inbox.Add(PlanNotifications.Missed(session, inputs.Now));
            }

            Replan(state.State, inputs);
            await state.WriteStateAsync();
        }

        await Watch(inputs.Profile.WeeklyAvailability.Count > 0 && inputs.Courses.Any(c => c.Demand.Remaining.Count > 0));
    }

    private async Task Watch(bool on)
    {
        // Asked once per activation: the reminder table is not read again on every request.
        if (watching == on)
        {
            return;
        }

        var period = options.Value.WatchPeriod;
        if (on)
        {
            // Durable (it survives silo restarts); registering again only moves its schedule, so only once.
            if (await this.GetReminder(WatchReminder) is null)
            {
                var first = options.Value.FirstWatch < period ? options.Value.FirstWatch : period;
                await this.RegisterOrUpdateReminder(WatchReminder, first, period);
            }
        }
        else if (await this.GetReminder(WatchReminder) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }

        watching = on;
    }

    /// <summary>Moves sessions that ended into the history as done or missed; returns them.</summary>
    private static List<LearnerPlanSession> Close(LearnerPlanState plan, Inputs inputs)
    {
        var now = inputs.Now;
        var closed = new List<LearnerPlanSession>();
        foreach (var session in plan.Planned.Where(s => s.End <= now).ToList())
        {
            var course = inputs.Courses.FirstOrDefault(c => string.Equals(c.CourseId, session.CourseId, StringComparison.Ordinal));
            var active = DriftDetector.Attended(session.Start, session.LessonIds, course?.Progress) || Reviewed(session, course?.Model);
            var ended = session with { Status = active ? LearnerPlanSession.Done : LearnerPlanSession.Missed };
            plan.History.Add(ended);
            plan.Planned.Remove(session);
            closed.Add(ended);
        }

        plan.History.RemoveAll(s => s.End < now - HistoryKept);
        if (plan.History.Count > HistoryLimit)
        {
            plan.History.RemoveRange(0, plan.History.Count - HistoryLimit);
        }

        return closed;
    }

    /// <summary>Replaces the sessions ahead; each course's sessions keep the ids of its previous ones, in order.</summary>
    private static void Replan(LearnerPlanState plan, Inputs inputs)
    {
        var schedule = LearnerPlanner.Plan(new LearnerPlanRequest(
            inputs.Profile.TimeZone,
            [.. inputs.Profile.WeeklyAvailability.Select(w => new WeeklyWindow(w.Day, w.Start, w.End))],
            inputs.Now,
            [.. inputs.Courses.Select(c => c.Demand)],
            inputs.Events,
            IPlanGrain.MaxWeeks));
        var previous = plan.Planned
            .GroupBy(s => s.CourseId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => new Queue<string>(g.OrderBy(s => s.Start).Select(s => s.Id)), StringComparer.Ordinal);
        plan.Planned = [.. schedule.Sessions.Select(s => new LearnerPlanSession(
            previous.TryGetValue(s.CourseId, out var ids) && ids.TryDequeue(out var id) ? id : Guid.NewGuid().ToString("D"),
            s.Start,
            s.End,
            s.CourseId,
            s.LessonIds,
            LearnerPlanSession.Planned))];
        plan.Courses = [.. schedule.Courses.Select(o => new StoredOutlook(
            o.CourseId,
            o.OnTrack,
            o.ProjectedCompletion,
            o.WeeklyHoursNeeded,
            o.Status,
            o.Explanation,
            o.FirstSession,
            o.Ask > 0,
            inputs.Courses.First(c => string.Equals(c.CourseId, o.CourseId, StringComparison.Ordinal)).Progress.StatementCount,
            o.Stakes))];
        plan.DeclaredWeeklyHours = schedule.DeclaredWeeklyHours;
        plan.PlannedAt = inputs.Now;
        plan.InputsKey = inputs.Key;
    }

    /// <summary>The kept plan shown for <paramref name="weeks"/> weeks from when it was made.</summary>
    private static LearnerPlan View(LearnerPlanState plan, int weeks)
    {
        var plannedAt = plan.PlannedAt ?? DateTimeOffset.MinValue;
        var until = plannedAt.AddDays(7 * weeks);
        var ahead = plan.Planned.Where(s => s.Start < until).ToList();
        var total = ahead.Aggregate(TimeSpan.Zero, (sum, s) => sum + (s.End - s.Start));
        var courses = plan.Courses.Select(c =>
        {
            var mine = ahead.Where(s => string.Equals(s.CourseId, c.CourseId, StringComparison.Ordinal))
                .Aggregate(TimeSpan.Zero, (sum, s) => sum + (s.End - s.Start));
            var hours = Math.Round(mine.TotalHours / weeks, 1);
            var explanation = c.HasWork && plan.DeclaredWeeklyHours > 0
                ? LearnerPlanner.Compose(c.Status, LearnerPlanner.Head(weeks, plan.DeclaredWeeklyHours, hours, total > TimeSpan.Zero ? mine / total : 0, c.FirstSession), c.Stakes)
                : c.FullExplanation;
            return new CourseOutlookView(c.CourseId, c.OnTrack, c.ProjectedCompletion, c.WeeklyHoursNeeded, hours, explanation, c.ProgressVersion);
        }).ToList();
        var weekly = Math.Round(total.TotalHours / weeks, 1);
        var explanationOfPlan = LearnerPlanner.Summary(
            plan.Courses.Count,
            plan.Courses.Count(c => c.HasWork),
            plan.DeclaredWeeklyHours,
            weekly,
            weeks,
            courses.Where(c => c.WeeklyHoursPlanned > 0).Select(c => (c.CourseId, c.WeeklyHoursPlanned)),
            courses.Count(c => !c.OnTrack));
        return new LearnerPlan(
            explanationOfPlan,
            weekly,
            plan.DeclaredWeeklyHours,
            [.. plan.History.Concat(ahead).OrderBy(s => s.Start)],
            courses,
            plannedAt);
    }

    /// <summary>Everything a plan is made from, read from the learner, course and webinar grains.</summary>
    private async Task<Inputs?> Gather(PlanWhatIf? change)
    {
        var learner = GrainFactory.ByKey<ILearnerGrain>(LearnerId);
        if (await learner.GetProfile() is not { } profile)
        {
            return null;
        }

        if (change?.WeeklyAvailability is { } windows)
        {
            profile = profile with { WeeklyAvailability = windows };
        }

        var now = clock.GetUtcNow();
        var enrolments = (await learner.GetEnrolments()).Where(e => e.Active).ToList();
        var hypothetical = change?.CourseId is { } extra && !enrolments.Exists(e => string.Equals(e.CourseId, extra, StringComparison.Ordinal))
            ? extra
            : null;
        if (hypothetical is not null)
        {
            enrolments.Add(new Enrolment(hypothetical, now, null, null, null, null));
        }

        if (change?.TargetDate is { } target)
        {
            enrolments = [.. enrolments.Select(e => change.CourseId is null || string.Equals(e.CourseId, change.CourseId, StringComparison.Ordinal)
                ? e with { TargetDate = target }
                : e)];
        }

        var models = catalog.Current;
        var page = await GrainFactory.ByKey<IWebinarDirectoryGrain>(0).ListForLearnerAsync(LearnerId, now, null, RegisteredWebinars.MaxEvents);
        var webinars = page.Items;
        var zone = LocalClock.FindZone(profile.TimeZone) ?? TimeZoneInfo.Utc;
        var courses = new List<CourseInputs>();
        foreach (var enrolment in enrolments.OrderBy(e => e.CourseId, StringComparer.Ordinal))
        {
            if (await GrainFactory.ByKey<ICourseGrain>(enrolment.CourseId).Get() is not { } course)
            {
                continue;
            }

            var view = await learner.GetCourseView(enrolment.CourseId, course.Definition);
            var progress = view?.Progress ?? new CourseProgress(enrolment.CourseId, [], 0, 0, new Dictionary<string, double>(), null, [], false, 0);
            var remaining = PlanInputs.Build(profile, enrolment, progress, course.Definition, now, IPlanGrain.MaxWeeks, PacingMinutes.For(models, view?.Model)).Remaining;
            var decayed = DecayedSkills(view?.Model, now);
            var demand = new CourseDemand(
                enrolment.CourseId,
                remaining,
                enrolment.TargetDate,
                DropoutSignal(state.State.History, enrolment, progress, profile, now),
                decayed.Count,
                webinars.Count(w => string.Equals(w.CourseId, enrolment.CourseId, StringComparison.Ordinal) && w.Start <= now + LearnerPlanner.WebinarLookAhead),
                decayed);
            courses.Add(new CourseInputs(enrolment, progress, demand, course.Version, string.Equals(enrolment.CourseId, hypothetical, StringComparison.Ordinal), view?.Model));
        }

        var events = webinars.Select(w => new FixedEvent(w.Start, w.Start.AddMinutes(w.Minutes), w.Title)).ToList();
        var key = string.Join(
            '|',
            profile.TimeZone,
            string.Join(',', profile.WeeklyAvailability.Select(w => string.Create(CultureInfo.InvariantCulture, $"{(int)w.Day}:{w.Start:HH\\:mm}-{w.End:HH\\:mm}"))),
            string.Join(',', courses.Select(c => string.Create(
                CultureInfo.InvariantCulture,
                $"{c.CourseId}:c{c.CourseVersion}:v{c.Progress.StatementCount}:n{c.Progress.CompletedLessons.Count}:t{c.Enrolment.TargetDate:yyyy-MM-dd}:e{c.Enrolment.EnrolledAt.UtcTicks}:r{string.Join('+', c.Demand.ReviewSkills ?? [])}"))),
            models.Version,
            RegisteredWebinars.Key(events),
            zone.Id);
        return new Inputs(profile, courses, events, now, key);
    }

    /// <summary>
    /// The plan's own early dropout signal for a course, 0-1: the share of its recent sessions that were
    /// missed, and days away beyond the learner's declared rhythm (a week beyond counts fully).
    /// </summary>
    private static double? DropoutSignal(IReadOnlyList<LearnerPlanSession> history, Enrolment enrolment, CourseProgress progress, LearnerProfile profile, DateTimeOffset now)
    {
        var ended = history.Where(s => string.Equals(s.CourseId, enrolment.CourseId, StringComparison.Ordinal)).ToList();
        var missedShare = ended.Count == 0 ? 0 : ended.Count(s => s.Status == LearnerPlanSession.Missed) / (double)ended.Count;
        var idle = DriftDetector.DaysInactive(progress.LastActivity, enrolment.EnrolledAt, now, DriftDetector.AllowedGap(profile.WeeklyAvailability.Select(w => w.Day)));
        var signal = (0.5 * missedShare) + (0.5 * Math.Min(1, idle / 7.0));
        return signal > 0 ? Math.Round(signal, 2) : null;
    }

    /// <summary>A review session counts as done when one of its skills was practised (a graded answer) after it began.</summary>
    private static bool Reviewed(LearnerPlanSession session, LearnerModelView? model) =>
        model is not null && session.LessonIds.Any(id => LearnerPlanner.IsReview(id)
            && model.LastPractised.TryGetValue(id[LearnerPlanner.ReviewPrefix.Length..], out var last) && last >= session.Start);

    /// <summary>
    /// Skills mastered at their last practice (mastery at least <see cref="PracticeDefaults.MasteryThreshold"/>)
    /// whose mastery, decayed by the forgetting curve fitted on OULAD (<see cref="FittedForgetting"/>) over
    /// the days since, fell below it; the most decayed first, then by id.
    /// </summary>
    internal static IReadOnlyList<string> DecayedSkills(LearnerModelView? model, DateTimeOffset now)
    {
        if (model is null)
        {
            return [];
        }

        return [.. model.Mastery
            .Where(m => m.Value >= PracticeDefaults.MasteryThreshold && model.LastPractised.ContainsKey(m.Key))
            .Select(m => (Skill: m.Key, Now: FittedForgetting.Oulad.Decay(m.Value, Math.Max(0, (now - model.LastPractised[m.Key]).TotalDays))))
            .Where(m => m.Now < PracticeDefaults.MasteryThreshold)
            .OrderBy(m => m.Now)
            .ThenBy(m => m.Skill, StringComparer.Ordinal)
            .Select(m => m.Skill)];
    }

    private sealed record CourseInputs(Enrolment Enrolment, CourseProgress Progress, CourseDemand Demand, long CourseVersion, bool Hypothetical, LearnerModelView? Model = null)
    {
        public string CourseId => Enrolment.CourseId;
    }

    private sealed record Inputs(LearnerProfile Profile, IReadOnlyList<CourseInputs> Courses, IReadOnlyList<FixedEvent> Events, DateTimeOffset Now, string Key);
}
