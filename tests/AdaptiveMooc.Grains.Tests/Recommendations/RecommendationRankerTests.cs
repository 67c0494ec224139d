using AdaptiveMooc.Grains.Recommendations;

namespace AdaptiveMooc.Grains.Tests.Recommendations;

public sealed class RecommendationRankerTests
{
    private static readonly DateTimeOffset Now = new(2026, 5, 4, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Only_unfinished_lessons_with_complete_prerequisites_are_candidates()
    {
        var request = Request(
            [Lesson("a", 0), Lesson("b", 1, prerequisites: ["a"]), Lesson("c", 2, prerequisites: ["b"]), Lesson("d", 3, prerequisites: ["a", "gone"])],
            completed: ["a"]);

        var ranked = RecommendationRanker.Rank(request);

        Assert.Equal(["b", "d"], ranked.Select(r => r.LessonId).Order(StringComparer.Ordinal));
        Assert.All(ranked, r => Assert.Equal(ReasonCodes.PrerequisitesMet, r.Reasons[0]));
    }

    [Fact]
    public void Cold_start_follows_course_order_and_popularity_and_says_so()
    {
        var request = Request(
            [Lesson("intro", 0, popularity: 0.9), Lesson("video", 1, popularity: 0.2), Lesson("reading", 2, popularity: 0.95), Lesson("extra", 3, popularity: 0.1)],
            hasHistory: false);

        var ranked = RecommendationRanker.Rank(request);

        Assert.Equal(["intro", "video", "reading", "extra"], ranked.Select(r => r.LessonId));
        Assert.All(ranked, r => Assert.Contains(ReasonCodes.ColdStart, r.Reasons));
        Assert.Contains(ReasonCodes.CourseOrder, ranked[0].Reasons);
        Assert.Contains(ReasonCodes.Popular, ranked[0].Reasons);
        Assert.DoesNotContain(ReasonCodes.Popular, ranked[1].Reasons);
        Assert.Contains(ReasonCodes.Popular, ranked[2].Reasons);
        Assert.DoesNotContain(ReasonCodes.CourseOrder, ranked[3].Reasons);
    }

    [Fact]
    public void A_weak_skill_lifts_its_lesson_and_is_named()
    {
        var request = Request(
            [Lesson("strong", 0, skills: ["npv"]), Lesson("weak", 1, skills: ["irr", "npv"])],
            skills: new() { ["npv"] = new SkillMemory(0.9, 5, Now.AddHours(-2)), ["irr"] = new SkillMemory(0.2, 4, Now.AddHours(-2)) });

        var ranked = RecommendationRanker.Rank(request);

        Assert.Equal("weak", ranked[0].LessonId);
        Assert.Contains("weak-skill:irr", ranked[0].Reasons);
        Assert.DoesNotContain(ranked[1].Reasons, r => r.StartsWith(ReasonCodes.WeakSkill, StringComparison.Ordinal));
    }

    [Fact]
    public void A_learned_skill_not_practised_for_long_is_due_for_review()
    {
        var fresh = new SkillMemory(0.9, 3, Now.AddDays(-1));
        var stale = new SkillMemory(0.9, 3, Now.AddDays(-30));
        var request = Request(
            [Lesson("fresh", 0, skills: ["npv"]), Lesson("stale", 1, skills: ["irr"])],
            skills: new() { ["npv"] = fresh, ["irr"] = stale });

        var ranked = RecommendationRanker.Rank(request);

        Assert.True(ForgettingCurve.Recall(fresh, Now) > ForgettingCurve.ReviewThreshold);
        Assert.True(ForgettingCurve.Recall(stale, Now) < ForgettingCurve.ReviewThreshold);
        Assert.Equal("stale", ranked[0].LessonId);
        Assert.Contains("review-due:irr", ranked[0].Reasons);
        Assert.DoesNotContain(ranked[1].Reasons, r => r.StartsWith(ReasonCodes.ReviewDue, StringComparison.Ordinal));
    }

    [Fact]
    public void Recall_decays_with_time_and_holds_longer_after_more_practice()
    {
        var once = new SkillMemory(0.8, 1, Now.AddDays(-5));
        var often = new SkillMemory(0.8, 6, Now.AddDays(-5));

        Assert.True(ForgettingCurve.Recall(once, Now) < ForgettingCurve.Recall(often, Now));
        Assert.True(ForgettingCurve.Recall(once, Now.AddDays(3)) < ForgettingCurve.Recall(once, Now));
        Assert.Equal(1, ForgettingCurve.Recall(once, once.LastPractised!.Value), 6);
        Assert.Equal(0, ForgettingCurve.Recall(new SkillMemory(0.8, 0, null), Now));
    }

    [Fact]
    public void A_lesson_due_soon_comes_before_course_order()
    {
        var request = Request([Lesson("next", 0), Lesson("later", 5), Lesson("assignment", 9, due: Now.AddDays(1))]);

        var ranked = RecommendationRanker.Rank(request);

        Assert.Equal("assignment", ranked[0].LessonId);
        Assert.Contains(ReasonCodes.DueSoon, ranked[0].Reasons);
        Assert.DoesNotContain(ReasonCodes.DueSoon, ranked[1].Reasons);
    }

    [Fact]
    public void A_lesson_that_fits_the_next_window_beats_an_equal_one_that_does_not()
    {
        var request = Request([Lesson("long", 0, minutes: 120), Lesson("short", 1, minutes: 30)]) with
        {
            NextWindow = TimeSpan.FromMinutes(45),
            ModelScores = new Dictionary<string, float> { ["long"] = 0.5f, ["short"] = 0.6f },
        };

        var ranked = RecommendationRanker.Rank(request);

        Assert.Equal("short", ranked[0].LessonId);
        Assert.Contains(ReasonCodes.FitsNextWindow, ranked[0].Reasons);
        Assert.DoesNotContain(ReasonCodes.FitsNextWindow, ranked[1].Reasons);
    }

    [Fact]
    public void The_model_score_orders_lessons_when_the_learner_has_history()
    {
        var lessons = Enumerable.Range(0, 6).Select(i => Lesson($"l{i}", i)).ToList();
        var request = Request(lessons) with
        {
            ModelScores = lessons.ToDictionary(l => l.Id, l => l.Id == "l4" ? 3.2f : -1f * l.CourseOrder),
        };

        var ranked = RecommendationRanker.Rank(request);

        Assert.Equal("l4", ranked[0].LessonId);
        Assert.Equal("l0", ranked[1].LessonId);
        Assert.DoesNotContain(ReasonCodes.ColdStart, ranked[0].Reasons);
    }

    [Fact]
    public void Scores_stay_in_the_unit_interval_and_limit_and_order_are_respected()
    {
        var lessons = Enumerable.Range(0, 30)
            .Select(i => Lesson($"l{i:00}", i, skills: [$"s{i % 4}"], minutes: 10 * (i % 7 + 1), due: i % 3 == 0 ? Now.AddDays(i - 5) : null, popularity: (i * 37 % 11) / 10.0))
            .ToList();
        var request = Request(lessons, skills: new()
        {
            ["s0"] = new SkillMemory(0.1, 3, Now.AddDays(-40)),
            ["s1"] = new SkillMemory(0.95, 9, Now.AddDays(-90)),
            ["s2"] = new SkillMemory(0.7, 1, Now),
        }) with
        {
            Limit = 7,
            NextWindow = TimeSpan.FromMinutes(40),
            ModelScores = lessons.ToDictionary(l => l.Id, l => (float)Math.Sin(l.CourseOrder)),
        };

        var ranked = RecommendationRanker.Rank(request);

        Assert.Equal(7, ranked.Count);
        Assert.All(ranked, r => Assert.InRange(r.Score, 0, 1));
        Assert.Equal(ranked.OrderByDescending(r => r.Score).Select(r => r.Score), ranked.Select(r => r.Score));
        Assert.Equal(ranked.Select(r => (r.LessonId, r.Score)), RecommendationRanker.Rank(request).Select(r => (r.LessonId, r.Score)));
    }

    [Fact]
    public void Everything_completed_gives_no_recommendation()
    {
        var ranked = RecommendationRanker.Rank(Request([Lesson("a", 0), Lesson("b", 1)], completed: ["a", "b"]));

        Assert.Empty(ranked);
    }

    private static RecommendationRequest Request(
        IReadOnlyList<CandidateLesson> lessons,
        string[]? completed = null,
        Dictionary<string, SkillMemory>? skills = null,
        bool hasHistory = true) =>
        new(
            lessons,
            new HashSet<string>(completed ?? [], StringComparer.Ordinal),
            skills ?? [],
            null,
            Now,
            null,
            hasHistory,
            10);

    private static CandidateLesson Lesson(
        string id,
        int order,
        string[]? skills = null,
        string[]? prerequisites = null,
        int minutes = 20,
        DateTimeOffset? due = null,
        double popularity = 0) =>
        new(id, order, minutes, skills ?? [], prerequisites ?? [], due, popularity);
}
