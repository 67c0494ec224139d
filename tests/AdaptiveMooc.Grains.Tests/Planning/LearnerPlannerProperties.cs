using AdaptiveMooc.Grains.Planning;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace AdaptiveMooc.Grains.Tests.Planning;

/// <summary>The learner plan's promises over random availabilities, zones with clock changes and 2-5 courses.</summary>
public sealed class LearnerPlannerProperties
{
    private static readonly TimeSpan Probe = TimeSpan.FromMinutes(5);

    [Property(MaxTest = 300)]
    public Property Sessions_of_all_courses_never_overlap_each_other_or_events_and_lie_ahead() =>
        Prop.ForAll(LearnerPlanCases.Requests(), request =>
        {
            var plan = LearnerPlanner.Plan(request);
            DateTimeOffset? previousEnd = null;
            foreach (var session in plan.Sessions)
            {
                if (session.Start < request.Now || session.End <= session.Start)
                {
                    return false.Label($"session {session.Start:O}-{session.End:O} is in the past or empty (now {request.Now:O})");
                }

                if (previousEnd is { } end && session.Start < end)
                {
                    return false.Label($"session {session.Start:O} of {session.CourseId} overlaps the one ending {end:O}");
                }

                if (request.Events.FirstOrDefault(e => e.Start < session.End && session.Start < e.End) is { } clash)
                {
                    return false.Label($"session {session.Start:O} overlaps the event at {clash.Start:O}");
                }

                previousEnd = session.End;
            }

            return true.Label("ok");
        });

    [Property(MaxTest = 300)]
    public Property Every_instant_of_every_session_reads_as_a_time_inside_a_declared_window() =>
        Prop.ForAll(LearnerPlanCases.Requests(), request =>
        {
            var zone = TimeZoneInfo.FindSystemTimeZoneById(request.TimeZoneId);
            foreach (var session in LearnerPlanner.Plan(request).Sessions)
            {
                for (var t = session.Start; t <= session.End; t += Probe)
                {
                    var instant = t < session.End ? t : session.End.AddSeconds(-1);
                    var local = TimeZoneInfo.ConvertTime(instant, zone).DateTime;
                    var time = TimeOnly.FromDateTime(local);
                    if (!request.Windows.Any(w => w.IsValid && w.Day == local.DayOfWeek && w.Start <= time && time <= w.End))
                    {
                        return false.Label($"{instant:O} (local {local:yyyy-MM-dd ddd HH:mm}) of {session.CourseId}'s session is outside every window");
                    }
                }
            }

            return true.Label("ok");
        });

    [Property(MaxTest = 300)]
    public Property Decayed_skills_come_back_as_short_reviews_of_their_own_before_the_course_lessons() =>
        Prop.ForAll(LearnerPlanCases.Requests(), request =>
        {
            var plan = LearnerPlanner.Plan(request);
            foreach (var session in plan.Sessions.Where(s => s.LessonIds.Any(LearnerPlanner.IsReview)))
            {
                if (session.LessonIds.Count != 1)
                {
                    return false.Label($"review session {session.Start:O} of {session.CourseId} shares its time: {string.Join(",", session.LessonIds)}");
                }
            }

            foreach (var course in request.Courses)
            {
                var sessions = plan.Sessions.Where(s => s.CourseId == course.CourseId).ToList();
                var firstLesson = sessions.FirstOrDefault(s => !s.LessonIds.Any(LearnerPlanner.IsReview));
                foreach (var skill in course.ReviewSkills ?? [])
                {
                    var pieces = sessions.Where(s => s.LessonIds.Contains(LearnerPlanner.ReviewPrefix + skill)).ToList();
                    var minutes = pieces.Sum(s => (s.End - s.Start).TotalMinutes);
                    if (minutes > LearnerPlanner.ReviewMinutes + 1e-6)
                    {
                        return false.Label($"review of {skill} in {course.CourseId} takes {minutes} min");
                    }

                    if (firstLesson is not null && (pieces.Count == 0 || pieces.Max(p => p.End) > firstLesson.Start))
                    {
                        return false.Label($"{course.CourseId}'s lesson session at {firstLesson.Start:O} comes before the review of {skill} is done");
                    }
                }
            }

            return true.Label("ok");
        });

    [Property(MaxTest = 300)]
    public Property No_local_week_gets_more_than_the_declared_hours() =>
        Prop.ForAll(LearnerPlanCases.Requests(), request =>
        {
            var zone = TimeZoneInfo.FindSystemTimeZoneById(request.TimeZoneId);
            var declared = request.Windows.Where(w => w.IsValid)
                .GroupBy(w => w.Day)
                .Sum(g => Enumerable.Range(0, 24 * 60).Count(m => g.Any(w => w.Start.ToTimeSpan().TotalMinutes <= m && m < w.End.ToTimeSpan().TotalMinutes)));
            var weeks = LearnerPlanner.Plan(request).Sessions
                .GroupBy(s => LearnerPlanner.WeekOf(DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(s.Start, zone).DateTime)))
                .Select(g => (Week: g.Key, Minutes: g.Sum(s => (s.End - s.Start).TotalMinutes)))
                .ToList();
            var over = weeks.FirstOrDefault(w => w.Minutes > declared + 1e-6);
            return (over.Minutes == 0).Label($"week of {over.Week} has {over.Minutes} min planned, {declared} declared");
        });

    [Property(MaxTest = 300)]
    public Property Every_course_with_work_left_gets_time_unless_its_explanation_says_why_not() =>
        Prop.ForAll(LearnerPlanCases.Requests(), request =>
        {
            var plan = LearnerPlanner.Plan(request);
            foreach (var course in request.Courses.Where(c => c.Remaining.Count > 0))
            {
                var outlook = plan.Courses.Single(o => o.CourseId == course.CourseId);
                var gotTime = plan.Sessions.Any(s => s.CourseId == course.CourseId);
                var saysWhy = outlook.Explanation.Contains(". No session in the next", StringComparison.Ordinal)
                    || outlook.Explanation.StartsWith("No weekly availability declared", StringComparison.Ordinal);
                if (gotTime == saysWhy)
                {
                    return false.Label($"{course.CourseId}: time {gotTime}, explanation '{outlook.Explanation}'");
                }
            }

            return (plan.Courses.Count == request.Courses.Count).Label("one outlook per course");
        });

    [Property(MaxTest = 200)]
    public Property Each_session_holds_lessons_of_its_own_course_after_their_prerequisites() =>
        Prop.ForAll(LearnerPlanCases.Requests(), request =>
        {
            var plan = LearnerPlanner.Plan(request);
            foreach (var course in request.Courses)
            {
                var steps = plan.Sessions.Where(s => s.CourseId == course.CourseId).SelectMany(s => s.LessonIds).ToList();
                var reviews = (course.ReviewSkills ?? []).Select(k => LearnerPlanner.ReviewPrefix + k).ToHashSet(StringComparer.Ordinal);
                if (steps.FirstOrDefault(id => course.Remaining.All(l => l.Id != id) && !reviews.Contains(id)) is { } stranger)
                {
                    return false.Label($"{stranger} is planned under {course.CourseId}");
                }

                var remaining = course.Remaining.Select(l => l.Id).ToHashSet(StringComparer.Ordinal);
                foreach (var lesson in course.Remaining)
                {
                    var first = steps.IndexOf(lesson.Id);
                    if (first >= 0 && lesson.Prerequisites.Where(remaining.Contains).Any(p => steps.LastIndexOf(p) < 0 || steps.LastIndexOf(p) >= first))
                    {
                        return false.Label($"{lesson.Id} starts before a prerequisite is finished");
                    }
                }
            }

            return true.Label("ok");
        });

    [Property(MaxTest = 200)]
    public Property Planned_time_never_exceeds_the_predicted_minutes_of_a_course() =>
        Prop.ForAll(LearnerPlanCases.Requests(), request =>
        {
            var plan = LearnerPlanner.Plan(request);
            foreach (var course in request.Courses)
            {
                var planned = plan.Sessions.Where(s => s.CourseId == course.CourseId).Sum(s => (s.End - s.Start).TotalMinutes);
                var predicted = course.Remaining.Sum(l => Math.Max(1, l.Minutes)) + (LearnerPlanner.ReviewMinutes * (course.ReviewSkills?.Distinct().Count() ?? 0));
                if (planned > predicted + 1e-6)
                {
                    return false.Label($"{course.CourseId}: {planned} min planned, {predicted} predicted");
                }
            }

            return true.Label("ok");
        });

    [Property(MaxTest = 100)]
    public Property The_same_request_gives_the_same_plan() =>
        Prop.ForAll(LearnerPlanCases.Requests(), request =>
        {
            var first = LearnerPlanner.Plan(request);
            var second = LearnerPlanner.Plan(request);
            return (first.Explanation == second.Explanation
                && first.Sessions.SequenceEqual(second.Sessions, SessionComparer.Instance)
                && first.Courses.Select(c => c.Explanation).SequenceEqual(second.Courses.Select(c => c.Explanation))).Label("deterministic");
        });

    private sealed class SessionComparer : IEqualityComparer<ScheduledSession>
    {
        public static readonly SessionComparer Instance = new();

        public bool Equals(ScheduledSession? x, ScheduledSession? y) =>
            x is not null && y is not null && x.Start == y.Start && x.End == y.End && x.CourseId == y.CourseId && x.LessonIds.SequenceEqual(y.LessonIds);

        public int GetHashCode(ScheduledSession obj) => obj.Start.GetHashCode();
    }
}
