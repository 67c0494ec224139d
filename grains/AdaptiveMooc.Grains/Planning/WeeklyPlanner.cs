using System.Globalization;

namespace AdaptiveMooc.Grains.Planning;

/// <summary>
/// Places remaining lessons into a learner's declared weekly windows. Pure and deterministic: the same
/// request gives the same plan, which is what lets the learner grain cache it until progress changes.
/// </summary>
internal static class WeeklyPlanner
{
    /// <summary>Completion is projected this far ahead; beyond it the plan says "not within 5 years".</summary>
    public const int ProjectionWeeks = 260;

    /// <summary>Pieces of a window left by the clock or a webinar shorter than this are not worth a session.</summary>
    public static readonly TimeSpan ShortestSession = TimeSpan.FromMinutes(10);

    /// <summary>A window already under way is used from the next quarter hour, so a plan asked for twice
    /// a few seconds apart does not move.</summary>
    public static readonly TimeSpan StartGranularity = TimeSpan.FromMinutes(15);

    public static WeeklyPlan Plan(PlanRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var zone = LocalClock.FindZone(request.TimeZoneId)
            ?? throw new ArgumentException($"Unknown IANA time zone '{request.TimeZoneId}'.", nameof(request));
        var weeks = Math.Clamp(request.Weeks, 1, ProjectionWeeks);
        var ordered = LessonOrder.Sort(request.Remaining);
        var remainingMinutes = ordered.Sum(MinutesOf);
        var declaredHours = DeclaredWeeklyHours(request.Windows);
        var target = request.TargetDate is { } date ? LocalClock.EndOfDay(date, zone) : (DateTimeOffset?)null;
        var hoursNeeded = WeeklyHoursNeeded(ordered, request.Now, target);

        if (ordered.Count == 0)
        {
            return new WeeklyPlan(true, null, 0, "Nothing left to plan: every lesson of the course is complete.", [], []);
        }

        if (declaredHours <= 0)
        {
            var needed = hoursNeeded ?? 0;
            var ask = needed > 0
                ? string.Create(CultureInfo.InvariantCulture, $" {needed:0.#} h per week would meet your dates.")
                : string.Empty;
            return new WeeklyPlan(
                false,
                null,
                needed,
                string.Create(CultureInfo.InvariantCulture, $"No weekly availability declared: add the times you can study to get a plan for the remaining {ordered.Count} lessons ({remainingMinutes / 60.0:0.#} h).{ask}"),
                [],
                []);
        }

        var horizon = request.Now.AddDays(7 * weeks);
        var sessions = new List<PlannedSession>();
        var finishedAt = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        var index = 0;
        var left = TimeSpan.FromMinutes(MinutesOf(ordered[0]));
        DateTimeOffset? completion = null;

        foreach (var (slotStart, slotEnd) in FreeSlots(zone, request.Windows, request.Now, request.Events, ProjectionWeeks))
        {
            var cursor = slotStart;
            var lessonIds = new List<string>();
            while (index < ordered.Count && cursor < slotEnd)
            {
                var take = left < slotEnd - cursor ? left : slotEnd - cursor;
                cursor += take;
                left -= take;
                lessonIds.Add(ordered[index].Id);
                if (left <= TimeSpan.Zero)
                {
                    finishedAt[ordered[index].Id] = cursor;
                    index++;
                    left = index < ordered.Count ? TimeSpan.FromMinutes(MinutesOf(ordered[index])) : TimeSpan.Zero;
                }
            }

            if (slotStart < horizon && lessonIds.Count > 0)
            {
                sessions.Add(new PlannedSession(LocalClock.InZone(slotStart, zone), LocalClock.InZone(cursor, zone), lessonIds));
            }

            if (index == ordered.Count)
            {
                completion = LocalClock.InZone(cursor, zone);
                break;
            }
        }

        var late = ordered
            .Where(l => l.Due is { } due && (!finishedAt.TryGetValue(l.Id, out var done) || done > due))
            .Select(l => l.Id)
            .ToList();
        var meetsTarget = target is null || (completion is { } c && c <= target);
        var onTrack = completion is not null && meetsTarget && late.Count == 0;

        // Without any date to meet, the pace needed is the pace the plan keeps.
        var weeklyHours = hoursNeeded
            ?? (completion is { } end
                ? remainingMinutes / 60.0 / Math.Max(1, (end - request.Now).TotalDays / 7)
                : remainingMinutes / 60.0 / ProjectionWeeks);
        weeklyHours = Math.Ceiling(weeklyHours * 10) / 10;

        var explanation = Explain(
            onTrack,
            completion,
            target is null ? null : request.TargetDate,
            late.Count,
            ordered.Count,
            remainingMinutes,
            declaredHours,
            weeklyHours);
        return new WeeklyPlan(onTrack, completion, weeklyHours, explanation, sessions, late);
    }

    /// <summary>
    /// Free stretches inside declared windows, in time order, from now on: each local day's windows are
    /// turned into instants (through daylight-saving changes), merged where they touch, clipped to the
    /// present and cut around fixed events.
    /// </summary>
    internal static IEnumerable<(DateTimeOffset Start, DateTimeOffset End)> FreeSlots(
        TimeZoneInfo zone,
        IReadOnlyList<WeeklyWindow> windows,
        DateTimeOffset now,
        IReadOnlyList<FixedEvent> events,
        int weeks)
    {
        var valid = windows.Where(w => w.IsValid).ToList();
        if (valid.Count == 0)
        {
            yield break;
        }

        var earliestStart = RoundUp(now, StartGranularity);
        var blocked = events
            .Where(e => e.End > e.Start && e.End > now)
            .OrderBy(e => e.Start)
            .ThenBy(e => e.End)
            .ToList();
        var firstDay = LocalClock.LocalDate(now, zone);
        for (var day = 0; day < weeks * 7 + 1; day++)
        {
            var date = firstDay.AddDays(day);
            var instances = valid
                .Where(w => w.Day == date.DayOfWeek)
                .Select(w => LocalClock.Window(date, w.Start, w.End, zone))
                .OfType<(DateTimeOffset Start, DateTimeOffset End)>()
                .OrderBy(i => i.Start)
                .ThenBy(i => i.End);

            foreach (var (start, end) in Merge(instances))
            {
                var shortest = end - start < ShortestSession ? end - start : ShortestSession;
                foreach (var piece in CutAround(start < earliestStart ? earliestStart : start, end, blocked))
                {
                    if (piece.End - piece.Start >= shortest && piece.End > piece.Start)
                    {
                        yield return piece;
                    }
                }
            }
        }
    }

    /// <summary>Weekly hours the declared windows add up to (overlapping windows counted once).</summary>
    internal static double DeclaredWeeklyHours(IReadOnlyList<WeeklyWindow> windows) =>
        windows
            .Where(w => w.IsValid)
            .GroupBy(w => w.Day)
            .Sum(g => Merge(g.OrderBy(w => w.Start).Select(w => (Start: w.Start.ToTimeSpan(), End: w.End.ToTimeSpan())))
                .Sum(i => (i.End - i.Start).TotalHours));

    internal static int MinutesOf(PlanLesson lesson) => Math.Max(1, lesson.Minutes);

    /// <summary>
    /// The weekly hours that meet every date still ahead: for the target date all remaining work, for
    /// each due instant the lessons due by then and their prerequisites. Null when there is no date.
    /// </summary>
    internal static double? WeeklyHoursNeeded(IReadOnlyList<PlanLesson> ordered, DateTimeOffset now, DateTimeOffset? target)
    {
        var checkpoints = new List<(DateTimeOffset At, int Minutes)>();
        if (target is { } t)
        {
            checkpoints.Add((t, ordered.Sum(MinutesOf)));
        }

        var byId = ordered.ToDictionary(l => l.Id, StringComparer.Ordinal);
        foreach (var due in ordered.Where(l => l.Due is not null).Select(l => l.Due!.Value).Distinct().Order())
        {
            var needed = new HashSet<string>(StringComparer.Ordinal);
            var stack = new Stack<string>(ordered.Where(l => l.Due <= due).Select(l => l.Id));
            while (stack.TryPop(out var id))
            {
                if (needed.Add(id))
                {
                    foreach (var prerequisite in byId[id].Prerequisites.Where(byId.ContainsKey))
                    {
                        stack.Push(prerequisite);
                    }
                }
            }

            checkpoints.Add((due, needed.Sum(id => MinutesOf(byId[id]))));
        }

        if (checkpoints.Count == 0)
        {
            return null;
        }

        // A date already past still needs its work done; it is asked of the coming week.
        return checkpoints.Max(c => c.Minutes / 60.0 / Math.Max(1, (c.At - now).TotalDays / 7));
    }

    private static string Explain(
        bool onTrack,
        DateTimeOffset? completion,
        DateOnly? targetDate,
        int lateCount,
        int lessonCount,
        int remainingMinutes,
        double declaredHours,
        double weeklyHours)
    {
        var work = string.Create(CultureInfo.InvariantCulture, $"{lessonCount} remaining lessons ({remainingMinutes / 60.0:0.#} h)");
        var pace = string.Create(CultureInfo.InvariantCulture, $"{declaredHours:0.#} h per week");
        var finish = completion is { } c
            ? string.Create(CultureInfo.InvariantCulture, $"finish on {c:yyyy-MM-dd}")
            : string.Create(CultureInfo.InvariantCulture, $"do not finish within {ProjectionWeeks / 52} years");
        var target = targetDate is { } d ? string.Create(CultureInfo.InvariantCulture, $" (target {d:yyyy-MM-dd})") : string.Empty;
        if (onTrack)
        {
            return $"On track: at your {pace} the {work} {finish}{target}.";
        }

        var reasons = new List<string>();
        if (targetDate is { } date && (completion is null || DateOnly.FromDateTime(completion.Value.DateTime) > date))
        {
            reasons.Add(string.Create(CultureInfo.InvariantCulture, $"after your target date {date:yyyy-MM-dd}"));
        }

        if (lateCount > 0)
        {
            reasons.Add(string.Create(CultureInfo.InvariantCulture, $"{lateCount} lessons after their due dates"));
        }

        var why = reasons.Count > 0 ? $", {string.Join(" and ", reasons)}" : string.Empty;
        return string.Create(
            CultureInfo.InvariantCulture,
            $"Not on track: at your {pace} the {work} {finish}{why}. Studying {weeklyHours:0.#} h per week would reach your dates.");
    }

    private static DateTimeOffset RoundUp(DateTimeOffset instant, TimeSpan step)
    {
        var ticks = instant.UtcTicks;
        var rounded = (ticks + step.Ticks - 1) / step.Ticks * step.Ticks;
        return new DateTimeOffset(rounded, TimeSpan.Zero);
    }

    internal static IEnumerable<(T Start, T End)> Merge<T>(IEnumerable<(T Start, T End)> sorted)
        where T : struct, IComparable<T>
    {
        (T Start, T End)? current = null;
        foreach (var next in sorted)
        {
            if (current is { } c && next.Start.CompareTo(c.End) <= 0)
            {
                current = (c.Start, next.End.CompareTo(c.End) > 0 ? next.End : c.End);
                continue;
            }

            if (current is { } done)
            {
                yield return done;
            }

            current = next;
        }

        if (current is { } last)
        {
            yield return last;
        }
    }

    private static IEnumerable<(DateTimeOffset Start, DateTimeOffset End)> CutAround(
        DateTimeOffset start,
        DateTimeOffset end,
        IReadOnlyList<FixedEvent> blocked)
    {
        var cursor = start;
        foreach (var fixedEvent in blocked)
        {
            if (fixedEvent.End <= cursor || fixedEvent.Start >= end)
            {
                continue;
            }

            if (fixedEvent.Start > cursor)
            {
                yield return (cursor, fixedEvent.Start);
            }

            cursor = fixedEvent.End;
            if (cursor >= end)
            {
                yield break;
            }
        }

        if (cursor < end)
        {
            yield return (cursor, end);
        }
    }
}
