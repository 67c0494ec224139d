namespace AdaptiveMooc.Grains.Planning;

/// <summary>
/// Orders remaining lessons so each comes after its remaining prerequisites; among lessons that are
/// free to start, the earliest due comes first, then course order, then id, so the order is stable.
/// </summary>
internal static class LessonOrder
{
    public static IReadOnlyList<PlanLesson> Sort(IReadOnlyList<PlanLesson> remaining)
    {
        ArgumentNullException.ThrowIfNull(remaining);
        var byId = new Dictionary<string, PlanLesson>(StringComparer.Ordinal);
        foreach (var lesson in remaining)
        {
            byId.TryAdd(lesson.Id, lesson);
        }

        var pending = new Dictionary<string, int>(StringComparer.Ordinal);
        var dependants = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var lesson in byId.Values)
        {
            // Only prerequisites still to be planned hold a lesson back: completed ones are done, and a
            // learner who skipped ahead must not have a finished lesson re-planned.
            var open = lesson.Prerequisites
                .Where(p => byId.ContainsKey(p) && !string.Equals(p, lesson.Id, StringComparison.Ordinal))
                .Distinct(StringComparer.Ordinal)
                .ToList();
            pending[lesson.Id] = open.Count;
            foreach (var prerequisite in open)
            {
                if (!dependants.TryGetValue(prerequisite, out var list))
                {
                    list = [];
                    dependants[prerequisite] = list;
                }

                list.Add(lesson.Id);
            }
        }

        // A prerequisite inherits the earliest due date of what depends on it, so an early-due lesson is
        // not held up behind a late-due prerequisite that was left for later.
        var effectiveDue = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        foreach (var lesson in byId.Values)
        {
            EffectiveDue(lesson.Id, byId, dependants, effectiveDue, []);
        }

        var ready = new PriorityQueue<PlanLesson, PlanLesson>(new Priority(effectiveDue));
        foreach (var lesson in byId.Values.Where(l => pending[l.Id] == 0))
        {
            ready.Enqueue(lesson, lesson);
        }

        var ordered = new List<PlanLesson>(byId.Count);
        while (ready.TryDequeue(out var next, out _))
        {
            ordered.Add(next);
            if (!dependants.TryGetValue(next.Id, out var followers))
            {
                continue;
            }

            foreach (var follower in followers)
            {
                if (--pending[follower] == 0)
                {
                    ready.Enqueue(byId[follower], byId[follower]);
                }
            }
        }

        if (ordered.Count < byId.Count)
        {
            // A prerequisite cycle (course validation should prevent it): keep the rest in priority
            // order rather than dropping lessons from the plan.
            var placed = ordered.Select(l => l.Id).ToHashSet(StringComparer.Ordinal);
            ordered.AddRange(byId.Values.Where(l => !placed.Contains(l.Id)).Order(new Priority(effectiveDue)));
        }

        return ordered;
    }

    private static DateTimeOffset EffectiveDue(
        string id,
        Dictionary<string, PlanLesson> byId,
        Dictionary<string, List<string>> dependants,
        Dictionary<string, DateTimeOffset> memo,
        HashSet<string> visiting)
    {
        if (memo.TryGetValue(id, out var known))
        {
            return known;
        }

        var due = byId[id].Due ?? DateTimeOffset.MaxValue;
        if (!visiting.Add(id))
        {
            return due;
        }

        if (dependants.TryGetValue(id, out var followers))
        {
            foreach (var follower in followers)
            {
                var followerDue = EffectiveDue(follower, byId, dependants, memo, visiting);
                if (followerDue < due)
                {
                    due = followerDue;
                }
            }
        }

        visiting.Remove(id);
        memo[id] = due;
        return due;
    }

    private sealed class Priority(Dictionary<string, DateTimeOffset> effectiveDue) : IComparer<PlanLesson>
    {
        public int Compare(PlanLesson? x, PlanLesson? y)
        {
            if (ReferenceEquals(x, y))
            {
                return 0;
            }

            if (x is null)
            {
                return -1;
            }

            if (y is null)
            {
                return 1;
            }

            var due = effectiveDue[x.Id].CompareTo(effectiveDue[y.Id]);
            if (due != 0)
            {
                return due;
            }

            var order = x.CourseOrder.CompareTo(y.CourseOrder);
            return order != 0 ? order : string.CompareOrdinal(x.Id, y.Id);
        }
    }
}
