using System.Globalization;

namespace AdaptiveMooc.Grains.Planning;

/// <summary>
/// One plan for all of a learner's courses: the declared weekly windows are shared, so sessions of
/// different courses never overlap, and no local week gets more than the declared hours. Time goes to
/// the courses in proportion to what each asks by what is at stake (docs/PLANNING.md, "One plan per
/// learner"): the hours a week its target and due dates need, raised by the dropout risk, reviews due
/// and webinars booked. Pure and deterministic, like <see cref="WeeklyPlanner"/>.
/// </summary>
internal static class LearnerPlanner
{
    /// <summary>A course without any date asks for its remaining work spread over this many weeks.</summary>
    public const int UndatedWeeks = 12;

    /// <summary>The least a course with work left asks for, in hours a week.</summary>
    public const double MinimumAsk = 0.25;

    /// <summary>Hours a week each skill due for review adds to a course's ask.</summary>
    public const double ReviewHours = 0.25;

    /// <summary>Length of the review session of one skill whose mastery decayed.</summary>
    public const int ReviewMinutes = 15;

    /// <summary>Lesson id of a skill's review session in a plan: this prefix and the skill.</summary>
    public const string ReviewPrefix = "review:";

    /// <summary>Hours a week each webinar booked in the next two weeks adds (preparing for it).</summary>
    public const double WebinarHours = 0.5;

    /// <summary>Deadlines and webinars this close are named in the explanation.</summary>
    public static readonly TimeSpan WebinarLookAhead = TimeSpan.FromDays(14);

    public static LearnerSchedule Plan(LearnerPlanRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var zone = LocalClock.FindZone(request.TimeZoneId)
            ?? throw new ArgumentException($"Unknown IANA time zone '{request.TimeZoneId}'.", nameof(request));
        var weeks = Math.Clamp(request.Weeks, 1, WeeklyPlanner.ProjectionWeeks);
        var budget = DeclaredWeekly(request.Windows);
        var declaredHours = budget.TotalHours;
        var now = request.Now;
        var horizon = now.AddDays(7 * weeks);
        var tracks = request.Courses
            .GroupBy(c => c.CourseId, StringComparer.Ordinal)
            .Select(g => g.First())
            .OrderBy(c => c.CourseId, StringComparer.Ordinal)
            .Select(c => new Track(c, zone, now))
            .ToList();

        var sessions = new List<ScheduledSession>();
        if (budget > TimeSpan.Zero && tracks.Exists(t => t.HasWork))
        {
            Fill(tracks, zone, request, budget, horizon, sessions);
        }

        var planned = sessions.Aggregate(TimeSpan.Zero, (sum, s) => sum + (s.End - s.Start));
        var outlooks = tracks.Select(t => Outlook(t, zone, now, weeks, declaredHours, planned)).ToList();
        var weeklyPlanned = Math.Round(planned.TotalHours / weeks, 1);
        return new LearnerSchedule(
            Explain(outlooks, tracks, declaredHours, weeklyPlanned, weeks),
            weeklyPlanned,
            declaredHours,
            sessions,
            outlooks);
    }

    /// <summary>Weekly time the declared windows add up to (overlapping windows counted once), exactly.</summary>
    internal static TimeSpan DeclaredWeekly(IReadOnlyList<WeeklyWindow> windows) =>
        windows
            .Where(w => w.IsValid)
            .GroupBy(w => w.Day)
            .Select(g => WeeklyPlanner.Merge(g.OrderBy(w => w.Start).Select(w => (Start: w.Start.ToTimeSpan(), End: w.End.ToTimeSpan())))
                .Aggregate(TimeSpan.Zero, (sum, i) => sum + (i.End - i.Start)))
            .Aggregate(TimeSpan.Zero, (sum, day) => sum + day);

    /// <summary>The Monday starting the local week of a date: the week whose hours the budget counts.</summary>
    internal static DateOnly WeekOf(DateOnly date) => date.AddDays(-(((int)date.DayOfWeek + 6) % 7));

    private static void Fill(
        List<Track> tracks,
        TimeZoneInfo zone,
        LearnerPlanRequest request,
        TimeSpan budget,
        DateTimeOffset horizon,
        List<ScheduledSession> sessions)
    {
        var used = new Dictionary<DateOnly, TimeSpan>();
        foreach (var (slotStart, slotEnd) in WeeklyPlanner.FreeSlots(zone, request.Windows, request.Now, request.Events, WeeklyPlanner.ProjectionWeeks))
        {
            // A fall-back night makes a window longer than declared: the week's budget still holds.
            var week = WeekOf(LocalClock.LocalDate(slotStart, zone));
            var spent = used.GetValueOrDefault(week);
            var room = budget - spent;
            if (room <= TimeSpan.Zero)
            {
                continue;
            }

            var end = slotEnd - slotStart > room ? slotStart + room : slotEnd;
            var cursor = slotStart;
            Track? current = null;
            DateTimeOffset pieceStart = cursor;
            List<string> lessons = [];
            while (cursor < end && Pick(tracks) is { } track)
            {
                var lesson = track.Ordered[track.Index];

                // A review is a short session of its own: it never shares a piece with a lesson or another review.
                var nextEntry = lessons.Count > 0 && !string.Equals(lessons[^1], lesson.Id, StringComparison.Ordinal);
                var reviewBoundary = nextEntry && (IsReview(lesson.Id) || IsReview(lessons[^1]));
                if (!ReferenceEquals(track, current) || reviewBoundary)
                {
                    Close(current, pieceStart, cursor, lessons, horizon, zone, sessions);
                    current = track;
                    pieceStart = cursor;
                    lessons = [];
                }

                var take = track.Left < end - cursor ? track.Left : end - cursor;
                if (lessons.Count == 0 || !string.Equals(lessons[^1], lesson.Id, StringComparison.Ordinal))
                {
                    lessons.Add(lesson.Id);
                }

                track.FirstSession ??= cursor;
                cursor += take;
                track.Allocated += take;
                if (pieceStart < horizon)
                {
                    track.PlannedInHorizon += take;
                }

                track.Left -= take;
                if (track.Left <= TimeSpan.Zero)
                {
                    track.FinishedAt[lesson.Id] = cursor;
                    track.Index++;
                    track.Left = track.HasWork ? TimeSpan.FromMinutes(WeeklyPlanner.MinutesOf(track.Ordered[track.Index])) : TimeSpan.Zero;
                    if (!track.HasWork)
                    {
                        track.Completion = LocalClock.InZone(cursor, zone);
                    }
                }
            }

            Close(current, pieceStart, cursor, lessons, horizon, zone, sessions);
            used[week] = spent + (cursor - slotStart);
            if (!tracks.Exists(t => t.HasWork))
            {
                break;
            }
        }
    }

    /// <summary>Whether a plan entry is a skill's review session rather than a lesson.</summary>
    public static bool IsReview(string lessonId) => lessonId.StartsWith(ReviewPrefix, StringComparison.Ordinal);

    private static void Close(
        Track? track,
        DateTimeOffset start,
        DateTimeOffset end,
        List<string> lessons,
        DateTimeOffset horizon,
        TimeZoneInfo zone,
        List<ScheduledSession> sessions)
    {
        if (track is null || end <= start || start >= horizon)
        {
            return;
        }

        sessions.Add(new ScheduledSession(LocalClock.InZone(start, zone), LocalClock.InZone(end, zone), track.Demand.CourseId, [.. lessons]));
    }

    /// <summary>
    /// The course with work left that has had the least time for what it asks (allocated minutes over
    /// ask); ties go to the nearest due lesson, then the course id.
    /// </summary>
    private static Track? Pick(List<Track> tracks)
    {
        Track? best = null;
        foreach (var track in tracks.Where(t => t.HasWork))
        {
            if (best is null)
            {
                best = track;
                continue;
            }

            var pass = track.Allocated.TotalMinutes / track.Ask;
            var bestPass = best.Allocated.TotalMinutes / best.Ask;
            if (pass < bestPass - 1e-9
                || (Math.Abs(pass - bestPass) <= 1e-9 && track.NextDue < best.NextDue))
            {
                best = track;
            }
        }

        return best;
    }

    private static CourseOutlook Outlook(Track track, TimeZoneInfo zone, DateTimeOffset now, int weeks, double declaredHours, TimeSpan planned)
    {
        var demand = track.Demand;
        var ordered = track.Ordered;
        if (ordered.Count == 0)
        {
            const string Done = "Nothing left to plan: every required lesson of the course is complete.";
            return new CourseOutlook(demand.CourseId, true, null, 0, 0, 0, Done, []) { Status = Done };
        }

        var remainingMinutes = ordered.Sum(WeeklyPlanner.MinutesOf);
        var late = ordered
            .Where(l => l.Due is { } due && (!track.FinishedAt.TryGetValue(l.Id, out var done) || done > due))
            .Select(l => l.Id)
            .ToList();
        var target = demand.TargetDate is { } date ? LocalClock.EndOfDay(date, zone) : (DateTimeOffset?)null;
        var completion = track.Completion;
        var meetsTarget = target is null || (completion is { } c && c <= target);
        var onTrack = completion is not null && meetsTarget && late.Count == 0;
        var needed = track.Need
            ?? (completion is { } end
                ? remainingMinutes / 60.0 / Math.Max(1, (end - now).TotalDays / 7)
                : remainingMinutes / 60.0 / WeeklyPlanner.ProjectionWeeks);
        needed = Math.Ceiling(needed * 10) / 10;
        var plannedHours = Math.Round(track.PlannedInHorizon.TotalHours / weeks, 1);
        var (explanation, status, stakes) = ExplainCourse(track, zone, now, weeks, declaredHours, planned, plannedHours, onTrack, completion, late.Count, needed, meetsTarget);
        return new CourseOutlook(demand.CourseId, onTrack, completion, needed, plannedHours, Math.Round(track.Ask, 2), explanation, late)
        {
            Status = status,
            Stakes = stakes,
            FirstSession = track.FirstSession is { } first ? LocalClock.LocalDate(first, zone) : null,
        };
    }

    private static (string Explanation, string Status, string Stakes) ExplainCourse(
        Track track,
        TimeZoneInfo zone,
        DateTimeOffset now,
        int weeks,
        double declaredHours,
        TimeSpan planned,
        double plannedHours,
        bool onTrack,
        DateTimeOffset? completion,
        int lateCount,
        double needed,
        bool meetsTarget)
    {
        var demand = track.Demand;
        var work = track.Reviews.Count == 0
            ? string.Create(CultureInfo.InvariantCulture, $"{track.Ordered.Count} lessons ({track.Ordered.Sum(WeeklyPlanner.MinutesOf) / 60.0:0.#} h) left")
            : string.Create(CultureInfo.InvariantCulture, $"{track.Ordered.Count - track.Reviews.Count} lessons and {track.Reviews.Count} reviews ({track.Ordered.Sum(WeeklyPlanner.MinutesOf) / 60.0:0.#} h) left");
        if (declaredHours <= 0)
        {
            var none = string.Create(
                CultureInfo.InvariantCulture,
                $"No weekly availability declared: add the times you can study. {work}; {needed:0.#} h per week would meet its dates.");
            return (none, none, string.Empty);
        }

        var stakes = new List<string>();
        if (demand.TargetDate is { } date)
        {
            stakes.Add(string.Create(CultureInfo.InvariantCulture, $"target date {date:yyyy-MM-dd} needs {Math.Ceiling((track.Need ?? 0) * 10) / 10:0.#} h per week"));
        }

        var overdue = track.Ordered.Count(l => l.Due is { } due && due <= now);
        if (overdue > 0)
        {
            stakes.Add(string.Create(CultureInfo.InvariantCulture, $"{overdue} lessons already past their due date"));
        }

        var soon = track.Ordered.Where(l => l.Due is { } due && due > now && due <= now + WebinarLookAhead).ToList();
        if (soon.Count > 0)
        {
            var nearest = soon.Min(l => l.Due!.Value);
            stakes.Add(string.Create(CultureInfo.InvariantCulture, $"{soon.Count} lessons due within 14 days (the first by {LocalClock.LocalDate(nearest, zone):yyyy-MM-dd})"));
        }
        else if (track.Ordered.Where(l => l.Due is { } due && due > now).Select(l => l.Due!.Value).DefaultIfEmpty().Min() is var next && next != default)
        {
            stakes.Add(string.Create(CultureInfo.InvariantCulture, $"next fixed deadline {LocalClock.LocalDate(next, zone):yyyy-MM-dd}"));
        }

        if (demand.DropoutRisk is { } risk && risk > 0)
        {
            stakes.Add(string.Create(CultureInfo.InvariantCulture, $"dropout risk {risk:0.00} raises its share"));
        }

        if (track.Reviews.Count > 0)
        {
            stakes.Add(string.Create(
                CultureInfo.InvariantCulture,
                $"{track.Reviews.Count} skills whose mastery decayed below the threshold come back as {ReviewMinutes}-minute reviews ({string.Join(", ", track.Reviews)})"));
        }
        else if (demand.ReviewsDue > 0)
        {
            stakes.Add(string.Create(CultureInfo.InvariantCulture, $"{demand.ReviewsDue} skills due for review"));
        }

        if (demand.WebinarsBooked > 0)
        {
            stakes.Add(string.Create(CultureInfo.InvariantCulture, $"{demand.WebinarsBooked} webinars booked in the next 14 days"));
        }

        if (track.Need is null)
        {
            stakes.Add(string.Create(CultureInfo.InvariantCulture, $"no date to meet, so it asks for its work spread over {UndatedWeeks} weeks"));
        }

        var finish = completion is { } c
            ? string.Create(CultureInfo.InvariantCulture, $"{work} finish on {LocalClock.LocalDate(c, zone):yyyy-MM-dd}")
            : string.Create(CultureInfo.InvariantCulture, $"{work} do not finish within {WeeklyPlanner.ProjectionWeeks / 52} years");
        string status;
        if (onTrack)
        {
            status = $"On track: the {finish}.";
        }
        else
        {
            var reasons = new List<string>();
            if (!meetsTarget && demand.TargetDate is { } target)
            {
                reasons.Add(string.Create(CultureInfo.InvariantCulture, $"after the target date {target:yyyy-MM-dd}"));
            }

            if (lateCount > 0)
            {
                reasons.Add(string.Create(CultureInfo.InvariantCulture, $"{lateCount} lessons after their due dates"));
            }

            var why = reasons.Count > 0 ? $", {string.Join(" and ", reasons)}" : string.Empty;
            status = string.Create(CultureInfo.InvariantCulture, $"Not on track: the {finish}{why}; {needed:0.#} h per week would reach its dates.");
        }

        var stakesText = string.Join("; ", stakes);
        var share = planned > TimeSpan.Zero ? track.PlannedInHorizon.TotalMinutes / planned.TotalMinutes : 0;
        return (Compose(status, Head(weeks, declaredHours, plannedHours, share, track.FirstSession is { } first ? LocalClock.LocalDate(first, zone) : null), stakesText), status, stakesText);
    }

    /// <summary>A course's explanation: its status, then the time it gets (or why none), then what is at stake.</summary>
    public static string Compose(string status, string head, string stakes) => $"{status} {head}: {stakes}.";

    /// <summary>
    /// The opening of a course's explanation for a given number of weeks: the time it gets, or why it gets
    /// none in those weeks (the rest of the explanation, the stakes and the status, does not depend on them).
    /// </summary>
    /// <param name="share">The course's part of the planned time in those weeks, 0-1.</param>
    /// <param name="firstSession">Local date of the course's first session in the projection, if any.</param>
    public static string Head(int weeks, double declaredHours, double plannedHours, double share, DateOnly? firstSession)
    {
        if (plannedHours > 0 || share > 0)
        {
            return string.Create(CultureInfo.InvariantCulture, $"Gets {plannedHours:0.#} h per week of your {declaredHours:0.#} h ({100 * share:0}% of the planned time)");
        }

        return firstSession is { } first
            ? string.Create(
                CultureInfo.InvariantCulture,
                $"No session in the next {weeks} weeks: courses with more at stake take your {declaredHours:0.#} h per week until its first session on {first:yyyy-MM-dd}")
            : string.Create(
                CultureInfo.InvariantCulture,
                $"No session in the next {weeks} weeks: your windows leave no free time for it within {WeeklyPlanner.ProjectionWeeks / 52} years (registered webinars take them, or other courses need them all)");
    }

    private static string Explain(IReadOnlyList<CourseOutlook> outlooks, List<Track> tracks, double declaredHours, double weeklyPlanned, int weeks) =>
        Summary(
            tracks.Count,
            tracks.Count(t => t.Ordered.Count > 0),
            declaredHours,
            weeklyPlanned,
            weeks,
            outlooks.Where(o => o.WeeklyHoursPlanned > 0).Select(o => (o.CourseId, o.WeeklyHoursPlanned)),
            outlooks.Count(o => !o.OnTrack));

    /// <summary>The plan's explanation: how the declared hours are shared over the weeks shown.</summary>
    public static string Summary(
        int courseCount,
        int withWork,
        double declaredHours,
        double weeklyPlanned,
        int weeks,
        IEnumerable<(string CourseId, double Hours)> shares,
        int behind)
    {
        ArgumentNullException.ThrowIfNull(shares);
        if (courseCount == 0)
        {
            return "No active enrolment: nothing to plan.";
        }

        if (withWork == 0)
        {
            return "Nothing left to plan: every course you are enrolled in is complete.";
        }

        if (declaredHours <= 0)
        {
            return string.Create(CultureInfo.InvariantCulture, $"No weekly availability declared: add the times you can study to get a plan for your {Courses(withWork)}.");
        }

        var parts = shares.Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.CourseId} {s.Hours:0.#} h")).ToList();
        var status = (behind, courseCount) switch
        {
            (0, 1) => "the course is on track",
            (0, _) => "every course is on track",
            (_, 1) => "the course is not on track",
            _ => string.Create(CultureInfo.InvariantCulture, $"{behind} of {courseCount} courses are not on track"),
        };
        return string.Create(
            CultureInfo.InvariantCulture,
            $"Your {declaredHours:0.#} h per week are shared by {Courses(withWork)} by what is at stake (target and due dates, dropout risk, reviews, webinars): {weeklyPlanned:0.#} h per week planned over the next {weeks} weeks ({(parts.Count > 0 ? string.Join(", ", parts) : "none")}); {status}.");
    }

    private static string Courses(int count) =>
        count == 1 ? "1 course" : string.Create(CultureInfo.InvariantCulture, $"{count} courses");

    private sealed class Track
    {
        public Track(CourseDemand demand, TimeZoneInfo zone, DateTimeOffset now)
        {
            Demand = demand;
            Reviews = (demand.ReviewSkills ?? []).Where(s => !string.IsNullOrEmpty(s)).Distinct(StringComparer.Ordinal).ToList();
            Ordered = [.. Reviews.Select(s => new PlanLesson(ReviewPrefix + s, ReviewMinutes, [], null, -1)), .. LessonOrder.Sort(demand.Remaining)];
            var target = demand.TargetDate is { } date ? LocalClock.EndOfDay(date, zone) : (DateTimeOffset?)null;
            Need = Ordered.Count == 0 ? 0 : WeeklyPlanner.WeeklyHoursNeeded(Ordered, now, target);
            var pace = Need ?? Ordered.Sum(WeeklyPlanner.MinutesOf) / 60.0 / UndatedWeeks;
            Ask = Ordered.Count == 0
                ? 0
                : (Math.Max(MinimumAsk, pace) * (1 + Math.Clamp(demand.DropoutRisk ?? 0, 0, 1)))
                    + (ReviewHours * Math.Max(Reviews.Count, demand.ReviewsDue))
                    + (WebinarHours * Math.Max(0, demand.WebinarsBooked));
            Left = Ordered.Count > 0 ? TimeSpan.FromMinutes(WeeklyPlanner.MinutesOf(Ordered[0])) : TimeSpan.Zero;
        }

        public CourseDemand Demand { get; }

        public IReadOnlyList<PlanLesson> Ordered { get; }

        /// <summary>Skills to review, planned first (each a <see cref="ReviewMinutes"/>-minute session).</summary>
        public IReadOnlyList<string> Reviews { get; }

        /// <summary>Hours a week the course's dates need; null without any date.</summary>
        public double? Need { get; }

        public double Ask { get; }

        public int Index { get; set; }

        public TimeSpan Left { get; set; }

        public TimeSpan Allocated { get; set; }

        public TimeSpan PlannedInHorizon { get; set; }

        public DateTimeOffset? FirstSession { get; set; }

        public DateTimeOffset? Completion { get; set; }

        public Dictionary<string, DateTimeOffset> FinishedAt { get; } = new(StringComparer.Ordinal);

        public bool HasWork => Index < Ordered.Count;

        public DateTimeOffset NextDue => HasWork && Ordered[Index].Due is { } due ? due : DateTimeOffset.MaxValue;
    }
}
