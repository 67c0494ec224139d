namespace AdaptiveMooc.Grains.Recommendations;

/// <summary>
/// Ranks a learner's next lessons. Candidates are unfinished lessons whose prerequisites are all
/// complete. The score blends the ranking model (or, without one or without history, course order and
/// popularity) with what the learner model says: weak skills first, learned skills whose recall has
/// decayed, lessons due soon, and lessons that fit the next free window. Pure and deterministic.
/// </summary>
internal static class RecommendationRanker
{
    /// <summary>Below this mastery a practised skill counts as weak.</summary>
    public const double WeakMastery = 0.6;

    /// <summary>Due within this many days counts as due soon.</summary>
    public const double DueSoonDays = 7;

    /// <summary>Urgency grows linearly over this many days before the due instant.</summary>
    public const double UrgencyHorizonDays = 14;

    /// <summary>The first lessons in course order among the candidates say "course-order".</summary>
    public const int CourseOrderReasonCount = 3;

    /// <summary>Candidates at or above this share of the most popular candidate's popularity say "popular".</summary>
    public const double PopularShare = 0.75;

    /// <summary>How fast rank-based terms fall: the 6th candidate weighs about a third of the first.</summary>
    public const double RankDecay = 5;

    // Weights sum to 1 so a score stays in [0, 1]. The learner-model terms are large enough that a weak
    // skill, a decayed skill or a close due date moves a lesson ahead of the next few in course order.
    private const double ModelWeight = 0.35;
    private const double PriorWeight = 0.05;
    private const double PopularityWeight = 0.05;
    private const double WeaknessWeight = 0.20;
    private const double ReviewWeight = 0.15;
    private const double DueWeight = 0.15;
    private const double FitWeight = 0.05;

    public static IReadOnlyList<RankedLesson> Rank(RecommendationRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var candidates = Candidates(request);
        if (candidates.Count == 0 || request.Limit <= 0)
        {
            return [];
        }

        var priorRank = candidates
            .OrderBy(c => c.CourseOrder)
            .ThenBy(c => c.Id, StringComparer.Ordinal)
            .Select((c, i) => (c.Id, Rank: i))
            .ToDictionary(x => x.Id, x => x.Rank, StringComparer.Ordinal);
        var maxPopularity = candidates.Max(c => c.Popularity);
        var modelRank = ModelRanks(candidates, request.ModelScores);
        var useModel = request.HasHistory && modelRank is not null;

        var ranked = new List<(RankedLesson Lesson, int CourseOrder)>(candidates.Count);
        foreach (var lesson in candidates)
        {
            var reasons = new List<string> { ReasonCodes.PrerequisitesMet };
            var prior = Math.Exp(-priorRank[lesson.Id] / RankDecay);
            var popularity = maxPopularity > 0 ? Math.Clamp(lesson.Popularity / maxPopularity, 0, 1) : 0;
            double score;
            if (useModel)
            {
                score = ModelWeight * modelRank![lesson.Id] + PriorWeight * prior + PopularityWeight * popularity;
            }
            else
            {
                // No model, or nothing yet known of the learner: the course's own order and what other
                // learners took carry the whole base weight.
                score = (ModelWeight + PriorWeight) * prior + PopularityWeight * popularity;
                if (!request.HasHistory)
                {
                    reasons.Add(ReasonCodes.ColdStart);
                }
            }

            if (request.HasHistory)
            {
                var (weakSkill, weakness) = Weakest(lesson, request.Skills);
                if (weakSkill is not null)
                {
                    score += WeaknessWeight * weakness;
                    reasons.Add(ReasonCodes.WeakSkill + weakSkill);
                }

                var (reviewSkill, decay) = MostDecayed(lesson, request.Skills, request.Now);
                if (reviewSkill is not null)
                {
                    score += ReviewWeight * decay;
                    reasons.Add(ReasonCodes.ReviewDue + reviewSkill);
                }
            }

            if (lesson.Due is { } due)
            {
                var daysLeft = (due - request.Now).TotalDays;
                score += DueWeight * Math.Clamp(1 - daysLeft / UrgencyHorizonDays, 0, 1);
                if (daysLeft <= DueSoonDays)
                {
                    reasons.Add(ReasonCodes.DueSoon);
                }
            }

            if (request.NextWindow is { } window && window > TimeSpan.Zero)
            {
                var minutes = Math.Max(1, lesson.Minutes);
                score += FitWeight * Math.Min(1, window.TotalMinutes / minutes);
                if (minutes <= window.TotalMinutes)
                {
                    reasons.Add(ReasonCodes.FitsNextWindow);
                }
            }

            // With a model, only the very next lesson of the course says so; the model chose the rest.
            if (priorRank[lesson.Id] < (useModel ? 1 : CourseOrderReasonCount))
            {
                reasons.Add(ReasonCodes.CourseOrder);
            }

            if (maxPopularity > 0 && popularity >= PopularShare)
            {
                reasons.Add(ReasonCodes.Popular);
            }

            ranked.Add((new RankedLesson(lesson.Id, Math.Round(score, 4), reasons), lesson.CourseOrder));
        }

        return ranked
            .OrderByDescending(r => r.Lesson.Score)
            .ThenBy(r => r.CourseOrder)
            .ThenBy(r => r.Lesson.LessonId, StringComparer.Ordinal)
            .Take(request.Limit)
            .Select(r => r.Lesson)
            .ToList();
    }

    /// <summary>Unfinished lessons whose prerequisites are all completed (unknown ids never block).</summary>
    public static IReadOnlyList<CandidateLesson> Candidates(RecommendationRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var known = request.Lessons.Select(l => l.Id).ToHashSet(StringComparer.Ordinal);
        return request.Lessons
            .Where(l => !request.Completed.Contains(l.Id))
            .Where(l => l.Prerequisites.All(p => request.Completed.Contains(p) || !known.Contains(p)))
            .ToList();
    }

    /// <summary>Model scores as decaying ranks in (0, 1] (1 = best), so their scale never outweighs the other terms.</summary>
    private static Dictionary<string, double>? ModelRanks(IReadOnlyList<CandidateLesson> candidates, IReadOnlyDictionary<string, float>? scores)
    {
        if (scores is null || candidates.Any(c => !scores.ContainsKey(c.Id)))
        {
            return null;
        }

        return candidates
            .OrderByDescending(c => scores[c.Id])
            .ThenBy(c => c.CourseOrder)
            .ThenBy(c => c.Id, StringComparer.Ordinal)
            .Select((c, i) => (c.Id, Rank: Math.Exp(-i / RankDecay)))
            .ToDictionary(x => x.Id, x => x.Rank, StringComparer.Ordinal);
    }

    private static (string? Skill, double Weakness) Weakest(CandidateLesson lesson, IReadOnlyDictionary<string, SkillMemory> skills)
    {
        string? weakest = null;
        var lowest = WeakMastery;
        foreach (var skill in lesson.Skills.Order(StringComparer.Ordinal))
        {
            if (skills.TryGetValue(skill, out var memory) && memory.Practices > 0 && memory.Mastery < lowest)
            {
                weakest = skill;
                lowest = memory.Mastery;
            }
        }

        return weakest is null ? (null, 0) : (weakest, (WeakMastery - lowest) / WeakMastery);
    }

    private static (string? Skill, double Decay) MostDecayed(CandidateLesson lesson, IReadOnlyDictionary<string, SkillMemory> skills, DateTimeOffset now)
    {
        string? decayed = null;
        var lowestRecall = ForgettingCurve.ReviewThreshold;
        foreach (var skill in lesson.Skills.Order(StringComparer.Ordinal))
        {
            // Only learned skills are reviewed; weak ones are already covered as weak.
            if (!skills.TryGetValue(skill, out var memory) || memory.Mastery < WeakMastery)
            {
                continue;
            }

            var recall = ForgettingCurve.Recall(memory, now);
            if (memory.Practices > 0 && recall < lowestRecall)
            {
                decayed = skill;
                lowestRecall = recall;
            }
        }

        return decayed is null ? (null, 0) : (decayed, 1 - lowestRecall);
    }
}
