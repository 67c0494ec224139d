using AdaptiveMooc.Grains.Planning;

namespace AdaptiveMooc.Grains.Tests.Planning;

/// <summary>Checks a plan against what its request allowed; each returns a failure text or null.</summary>
internal static class PlanInvariants
{
    private static readonly TimeSpan Probe = TimeSpan.FromMinutes(5);

    /// <summary>Every instant of every session reads, on the learner's clock, as a time inside a declared window of that weekday.</summary>
    public static string? InsideWindows(PlanRequest request, WeeklyPlan plan)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(request.TimeZoneId);
        foreach (var session in plan.Sessions)
        {
            var probes = new List<DateTimeOffset>();
            for (var t = session.Start; t < session.End; t += Probe)
            {
                probes.Add(t);
            }

            probes.Add(session.End.AddSeconds(-1));
            foreach (var instant in probes)
            {
                var local = TimeZoneInfo.ConvertTime(instant, zone).DateTime;
                var time = TimeOnly.FromDateTime(local);
                if (!request.Windows.Any(w => w.IsValid && w.Day == local.DayOfWeek && w.Start <= time && time <= w.End))
                {
                    return $"{instant:O} (local {local:yyyy-MM-dd ddd HH:mm}) of session {session.Start:O}-{session.End:O} is outside every window";
                }
            }
        }

        return null;
    }

    public static string? FutureAndDisjoint(PlanRequest request, WeeklyPlan plan)
    {
        DateTimeOffset? previousEnd = null;
        foreach (var session in plan.Sessions)
        {
            if (session.Start < request.Now)
            {
                return $"session {session.Start:O} starts before now {request.Now:O}";
            }

            if (session.End <= session.Start)
            {
                return $"session {session.Start:O} is empty or reversed";
            }

            if (previousEnd is { } end && session.Start < end)
            {
                return $"session {session.Start:O} overlaps the one ending {end:O}";
            }

            if (request.Events.FirstOrDefault(e => e.Start < session.End && session.Start < e.End) is { } clash)
            {
                return $"session {session.Start:O} overlaps the event at {clash.Start:O}";
            }

            previousEnd = session.End;
        }

        return null;
    }

    /// <summary>No lesson is worked on before every remaining prerequisite is finished, and completed lessons never come back.</summary>
    public static string? PrerequisitesFirst(PlanRequest request, WeeklyPlan plan)
    {
        var steps = plan.Sessions.SelectMany(s => s.LessonIds).ToList();
        var remaining = request.Remaining.Select(l => l.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var id in steps.Where(request.Completed.Contains))
        {
            return $"completed lesson {id} was planned again";
        }

        foreach (var lesson in request.Remaining)
        {
            var first = steps.IndexOf(lesson.Id);
            if (first < 0)
            {
                continue;
            }

            foreach (var prerequisite in lesson.Prerequisites.Where(remaining.Contains))
            {
                var last = steps.LastIndexOf(prerequisite);
                if (last < 0 || last >= first)
                {
                    return $"{lesson.Id} starts before its prerequisite {prerequisite} is finished";
                }
            }
        }

        return null;
    }

    /// <summary>Planned time equals the predicted minutes of the lessons finished in the sessions, never more.</summary>
    public static string? NoFiller(PlanRequest request, WeeklyPlan plan)
    {
        var planned = plan.Sessions.Aggregate(TimeSpan.Zero, (sum, s) => sum + (s.End - s.Start));
        var predicted = TimeSpan.FromMinutes(request.Remaining.Sum(l => Math.Max(1, l.Minutes)));
        return planned <= predicted ? null : $"planned {planned} exceeds the {predicted} predicted";
    }
}
