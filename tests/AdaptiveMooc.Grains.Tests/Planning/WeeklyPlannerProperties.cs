using AdaptiveMooc.Grains.Planning;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace AdaptiveMooc.Grains.Tests.Planning;

public sealed class WeeklyPlannerProperties
{
    [Property(MaxTest = 300)]
    public Property Sessions_lie_inside_declared_windows() =>
        Prop.ForAll(PlanCases.Requests(), request => Holds(request, PlanInvariants.InsideWindows));

    [Property(MaxTest = 300)]
    public Property Sessions_are_in_the_future_and_never_overlap_each_other_or_events() =>
        Prop.ForAll(PlanCases.Requests(), request => Holds(request, PlanInvariants.FutureAndDisjoint));

    [Property(MaxTest = 300)]
    public Property Nothing_is_planned_before_its_prerequisites() =>
        Prop.ForAll(PlanCases.Requests(), request => Holds(request, PlanInvariants.PrerequisitesFirst));

    [Property(MaxTest = 300)]
    public Property Planned_time_never_exceeds_the_predicted_minutes() =>
        Prop.ForAll(PlanCases.Requests(), request => Holds(request, PlanInvariants.NoFiller));

    [Property(MaxTest = 200)]
    public Property When_on_track_the_sessions_up_to_completion_cover_every_remaining_minute() =>
        Prop.ForAll(PlanCases.Requests(), request =>
        {
            var plan = WeeklyPlanner.Plan(request);
            if (!plan.OnTrack || plan.ProjectedCompletion is not { } completion)
            {
                return true.Label("not on track");
            }

            var weeks = (int)Math.Ceiling((completion - request.Now).TotalDays / 7) + 1;
            var full = WeeklyPlanner.Plan(request with { Weeks = weeks });
            var planned = full.Sessions.Aggregate(TimeSpan.Zero, (sum, s) => sum + (s.End - s.Start));
            var predicted = TimeSpan.FromMinutes(request.Remaining.Sum(l => Math.Max(1, l.Minutes)));
            var everyLesson = request.Remaining.All(l => full.Sessions.Any(s => s.LessonIds.Contains(l.Id)));
            return (planned == predicted && everyLesson && full.Sessions[^1].End == completion)
                .Label($"planned {planned}, predicted {predicted}, every lesson {everyLesson}");
        });

    [Property(MaxTest = 200)]
    public Property On_track_means_the_target_and_every_due_date_are_met() =>
        Prop.ForAll(PlanCases.Requests(), request =>
        {
            var plan = WeeklyPlanner.Plan(request);
            if (!plan.OnTrack || request.Remaining.Count == 0)
            {
                return true.Label("not on track");
            }

            var zone = TimeZoneInfo.FindSystemTimeZoneById(request.TimeZoneId);
            var completion = plan.ProjectedCompletion!.Value;
            var localCompletion = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(completion, zone).DateTime);
            var targetMet = request.TargetDate is not { } target || localCompletion <= target
                || (localCompletion == target.AddDays(1) && TimeZoneInfo.ConvertTime(completion, zone).TimeOfDay == TimeSpan.Zero);
            var duesMet = request.Remaining.All(l => l.Due is not { } due || due > request.Now);
            return (targetMet && duesMet && plan.LateLessonIds.Count == 0).Label($"target met {targetMet}, dues ahead {duesMet}");
        });

    [Property(MaxTest = 100)]
    public Property The_same_request_gives_the_same_plan() =>
        Prop.ForAll(PlanCases.Requests(), request =>
        {
            var first = WeeklyPlanner.Plan(request);
            var second = WeeklyPlanner.Plan(request);
            return first.OnTrack == second.OnTrack
                && first.ProjectedCompletion == second.ProjectedCompletion
                && first.WeeklyHoursNeeded.Equals(second.WeeklyHoursNeeded)
                && first.Explanation == second.Explanation
                && first.Sessions.Count == second.Sessions.Count
                && first.Sessions.Zip(second.Sessions).All(p =>
                    p.First.Start == p.Second.Start && p.First.End == p.Second.End && p.First.LessonIds.SequenceEqual(p.Second.LessonIds));
        });

    private static Property Holds(PlanRequest request, Func<PlanRequest, WeeklyPlan, string?> invariant)
    {
        var failure = invariant(request, WeeklyPlanner.Plan(request));
        return (failure is null).Label(failure ?? "ok");
    }
}
