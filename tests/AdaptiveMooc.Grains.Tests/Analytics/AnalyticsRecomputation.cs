using AdaptiveMooc.Grains.Abstractions.Analytics;
using AdaptiveMooc.Grains.Abstractions.Courses;
using AdaptiveMooc.Grains.Abstractions.Statements;
using AdaptiveMooc.ML.Events;
using AdaptiveMooc.ML.KnowledgeTracing;

namespace AdaptiveMooc.Grains.Tests.Analytics;

/// <summary>
/// Course analytics recomputed straight from the stored statements, written without the analytics code
/// (only the ML project's knowledge-tracing model is shared, replayed over each learner's answers in the
/// order they arrived, as the learner grain applies them).
/// </summary>
internal static class AnalyticsRecomputation
{
    private const int MasteryPoints = 10;

    /// <summary>Every stored statement of these learners, in arrival (sequence) order.</summary>
    public static async Task<List<StoredStatement>> StoredStatements(IClusterClient client, IEnumerable<string> learners)
    {
        var all = new List<StoredStatement>();
        var query = client.GetGrain<IStatementQueryGrain>(0);
        foreach (var learnerId in learners)
        {
            long? after = null;
            do
            {
                var page = await query.Query(new StatementQuery(learnerId, null, null, null, null, 100, after, true));
                all.AddRange(page.Statements);
                after = page.NextSequence;
            }
            while (after is not null);
        }

        return [.. all.OrderBy(s => s.Sequence)];
    }

    public static async Task AssertEqual(
        ICourseAnalyticsGrain reader,
        CourseDefinition course,
        Dictionary<string, (DateTimeOffset Enrolled, DateTimeOffset? Withdrawn)> enrolments,
        List<StoredStatement> stored,
        KnowledgeTracingModel kt,
        IEnumerable<DateTimeOffset> asOfs)
    {
        foreach (var asOf in asOfs)
        {
            var actual = await reader.Get(asOf, ICourseAnalyticsGrain.DefaultAtRiskLimit);
            Assert.NotNull(actual);
            var expected = Recompute(course, enrolments, stored, kt, asOf);
            Assert.Equal(expected.Enrolled, actual.Enrolled);
            Assert.Equal(expected.Active7d, actual.Active7d);
            Assert.Equal(expected.Completed, actual.Completed);
            Assert.Equal(expected.Withdrawn, actual.Withdrawn);
            Assert.Equal(expected.CompletionRate, actual.CompletionRate);
            Assert.Equal(expected.Lessons, actual.Lessons);
            Assert.Equal(expected.Skills, actual.Skills);
            Assert.Equal(expected.WeeklyActivity, actual.WeeklyActivity);
            Assert.Equal(expected.ScoreDistribution, actual.ScoreDistribution);
        }
    }

    /// <summary>The figures straight from the statement list, written without the analytics code.</summary>
    public static CourseAnalytics Recompute(
        CourseDefinition course,
        Dictionary<string, (DateTimeOffset Enrolled, DateTimeOffset? Withdrawn)> enrolments,
        List<StoredStatement> stored,
        KnowledgeTracingModel kt,
        DateTimeOffset asOf)
    {
        // Analytics count a learner's statements only from 5 minutes before their enrolment on (issue 16):
        // nothing of learners never enrolled, nothing timestamped before the enrolment.
        stored = [.. stored.Where(s => enrolments.TryGetValue(s.Statement.LearnerId, out var e) && s.Statement.Timestamp >= e.Enrolled.AddMinutes(-5))];
        var all = stored.Select(s => s.Statement).ToList();
        var lessons = course.AllLessons().ToDictionary(l => l.Id);
        var upTo = all.Where(s => s.Timestamp <= asOf).ToList();
        bool Known(StatementRecord s) =>
            s.LessonId is { } id && lessons.TryGetValue(id, out var lesson)
            && (s.ItemId is null || lesson.Items?.Any(i => i.Id == s.ItemId) == true);
        bool Completes(StatementRecord s) =>
            Known(s) && s.ItemId is null && (s.Verb.EndsWith("/completed", StringComparison.Ordinal) || s.Verb.EndsWith("/passed", StringComparison.Ordinal) || s.Completion == true);

        var enrolledNow = enrolments.Where(e => e.Value.Enrolled <= asOf && !(e.Value.Withdrawn <= asOf)).Select(e => e.Key).ToHashSet();
        var required = course.AllLessons().Where(l => l.Required).Select(l => l.Id).ToList();
        var completedLearners = enrolledNow.Count(learner => required.All(l => upTo.Any(s => s.LearnerId == learner && s.LessonId == l && Completes(s))));
        var active = upTo.Where(s => s.Timestamp > asOf.AddDays(-7)).Select(s => s.LearnerId).Distinct().Count();
        var funnel = course.AllLessons().Select(l => new LessonFunnel(
            l.Id,
            upTo.Where(s => s.LessonId == l.Id && Known(s)).Select(s => s.LearnerId).Distinct().Count(),
            upTo.Where(s => s.LessonId == l.Id && Completes(s)).Select(s => s.LearnerId).Distinct().Count())).ToList();

        var skills = Mastery(lessons, stored, kt, asOf);

        var weekly = upTo
            .GroupBy(s => DateOnly.FromDateTime(s.Timestamp.UtcDateTime.Date.AddDays(-(((int)s.Timestamp.UtcDateTime.DayOfWeek + 6) % 7))))
            .OrderBy(g => g.Key)
            .Select(g => new WeeklyActivity(g.Key, g.Select(s => s.LearnerId).Distinct().Count()))
            .ToList();

        var latestScores = upTo.Where(s => Known(s) && s.ItemId is null && s.ScoreScaled is not null)
            .GroupBy(s => (s.LearnerId, s.LessonId))
            .Select(g => g.MaxBy(s => s.Timestamp)!.ScoreScaled!.Value)
            .ToList();
        var buckets = Enumerable.Range(0, 10)
            .Select(i => new ScoreBucket(i / 10.0, (i + 1) / 10.0, latestScores.Count(v => Math.Clamp((int)Math.Floor(v * 10), 0, 9) == i)))
            .ToList();

        var withdrawn = enrolments.Count(e => e.Value.Enrolled <= asOf && e.Value.Withdrawn <= asOf);
        return new CourseAnalytics(
            course.Id, asOf, enrolledNow.Count, active, completedLearners,
            enrolledNow.Count == 0 ? 0 : Math.Round((double)completedLearners / enrolledNow.Count, 4),
            withdrawn, funnel, skills, [], weekly, buckets, string.Empty);
    }

    /// <summary>
    /// Per skill, the mean over learners of their mastery after their latest answer timestamped before
    /// asOf, among the 10 latest answers by timestamp kept per learner and skill.
    /// </summary>
    private static List<SkillMastery> Mastery(Dictionary<string, LessonDefinition> lessons, List<StoredStatement> stored, KnowledgeTracingModel kt, DateTimeOffset asOf)
    {
        var points = new Dictionary<(string Learner, string Skill), List<(long Sequence, DateTimeOffset Timestamp, double Mastery)>>();
        foreach (var learner in stored.GroupBy(s => s.Statement.LearnerId))
        {
            var knowledge = new LearnerKnowledgeState();
            foreach (var row in learner.OrderBy(s => s.Sequence))
            {
                var s = row.Statement;
                if (s.LessonId is null || !lessons.TryGetValue(s.LessonId, out var lesson))
                {
                    continue;
                }

                IReadOnlyList<string> skills = lesson.Skills ?? [];
                if (s.ItemId is not null)
                {
                    if (lesson.Items?.FirstOrDefault(i => i.Id == s.ItemId) is not { } item)
                    {
                        continue;
                    }

                    skills = item.Skills is { Count: > 0 } itemSkills ? itemSkills : skills;
                }

                bool? correct = s.Verb.EndsWith("/passed", StringComparison.Ordinal) ? s.Success ?? true
                    : s.Verb.EndsWith("/failed", StringComparison.Ordinal) ? s.Success ?? false
                    : s.Success ?? (s.ScoreScaled is { } score ? score >= 0.5 : null);
                if (correct is not { } c)
                {
                    continue;
                }

                kt.Apply(knowledge, new LearningEvent(s.LearnerId, s.CourseId!, lesson.Id, s.ItemId, LearningVerb.Answered, s.Timestamp, c, s.ScoreScaled, s.Duration, skills));
                foreach (var skill in skills)
                {
                    if (!points.TryGetValue((s.LearnerId, skill), out var list))
                    {
                        points[(s.LearnerId, skill)] = list = [];
                    }

                    list.Add((row.Sequence, s.Timestamp, Math.Round(kt.MasteryBySkill(knowledge, [skill])[skill], 4)));
                }
            }
        }

        return [.. points
            .Select(kv => (kv.Key.Skill, Latest: kv.Value.OrderBy(p => p.Timestamp).ThenBy(p => p.Sequence).TakeLast(MasteryPoints).LastOrDefault(p => p.Timestamp < asOf)))
            .Where(p => p.Latest.Sequence != 0)
            .GroupBy(p => p.Skill)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new SkillMastery(g.Key, (double)Math.Round(g.Sum(p => (decimal)p.Latest.Mastery) / g.Count(), 4), g.Count()))];
    }
}
