using AdaptiveMooc.Grains.Abstractions.Analytics;
using AdaptiveMooc.Grains.Abstractions.Courses;
using AdaptiveMooc.Grains.Abstractions.Learners;
using AdaptiveMooc.Grains.Abstractions.Statements;
using AdaptiveMooc.Grains.Models;
using Microsoft.Extensions.DependencyInjection;

namespace AdaptiveMooc.Grains.Tests.Analytics;

/// <summary>
/// Analytics kept incrementally by the shards must equal a recomputation from the stored statements,
/// whatever the order statements arrive in and however often they are replayed.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class AnalyticsConsistencyTests(ClusterFixture fixture)
{
    private static readonly DateTimeOffset T0 = new(2026, 2, 2, 0, 0, 0, TimeSpan.Zero);
    private static readonly string[] Verbs = ["experienced", "attempted", "completed", "passed", "failed", "answered"];

    [Fact]
    public async Task Incremental_analytics_equal_a_recomputation_from_the_stored_statements()
    {
        var random = new Random(42);
        var courseId = TestData.NewId("course");
        var definition = TestData.Course(courseId);
        var course = fixture.Client.GetGrain<ICourseGrain>(courseId);
        await course.Create(definition, "owner");
        await course.Publish();

        var enrolments = new Dictionary<string, (DateTimeOffset Enrolled, DateTimeOffset? Withdrawn)>();
        var statements = new List<StatementRecord>();
        for (var i = 0; i < 30; i++)
        {
            var learnerId = TestData.NewId($"l{i}");
            var learner = fixture.Client.GetGrain<ILearnerGrain>(learnerId);
            await learner.Register(TestData.Learner(learnerId));
            if (i % 6 != 5)
            {
                var enrolled = T0.AddHours(random.Next(0, 24 * 20));
                await learner.Enroll(new EnrolmentRequest(courseId, null, null, enrolled));
                DateTimeOffset? withdrawn = i % 4 == 0 ? enrolled.AddHours(random.Next(1, 24 * 20)) : null;
                if (withdrawn is { } at)
                {
                    await learner.Withdraw(courseId, at, "busy");
                }

                enrolments[learnerId] = (enrolled, withdrawn);
            }

            for (var k = random.Next(0, 25); k > 0; k--)
            {
                statements.Add(RandomStatement(random, learnerId, courseId));
            }
        }

        // Out of order (shuffled, in batches of mixed learners), then a third of them replayed.
        var shuffled = statements.OrderBy(_ => random.Next()).ToList();
        var replays = shuffled.Where(_ => random.Next(3) == 0).OrderBy(_ => random.Next()).ToList();
        foreach (var batch in shuffled.Concat(replays).Chunk(7))
        {
            var result = await fixture.Client.GetGrain<IStatementIngestGrain>(0).Ingest(batch.DistinctBy(s => s.Id).ToList());
            Assert.Equal(IngestStatus.Stored, result.Status);
        }

        var stored = await StoredStatements(enrolments.Keys.Concat(statements.Select(s => s.LearnerId)).Distinct());
        Assert.Equal(statements.Count, stored.Count);

        var reader = fixture.Client.GetGrain<ICourseAnalyticsGrain>(courseId);
        foreach (var asOf in new[] { T0.AddDays(3), T0.AddDays(10).AddHours(5), T0.AddDays(21), T0.AddDays(45) })
        {
            var actual = await reader.Get(asOf, ICourseAnalyticsGrain.DefaultAtRiskLimit);
            Assert.NotNull(actual);
            var expected = Recompute(definition, enrolments, stored, asOf);
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

        // This cluster's catalog serves no trained model: the list says so rather than inventing scores
        // (AtRiskGrainTests scores with the committed models).
        var final = await reader.Get(T0.AddDays(45), ICourseAnalyticsGrain.DefaultAtRiskLimit);
        Assert.Null(fixture.SiloServices.GetRequiredService<IModelCatalog>().Current.Withdrawn);
        Assert.Empty(final!.AtRisk);
        Assert.StartsWith("unavailable: no withdrawal model", final.AtRiskStatus, StringComparison.Ordinal);
        Assert.True(final.Enrolled > 0 && final.Active7d >= 0 && final.Lessons.Any(l => l.Completed > 0), "the history exercises the funnel");
    }

    private static StatementRecord RandomStatement(Random random, string learnerId, string courseId)
    {
        var timestamp = T0.AddMinutes(random.Next(0, 60 * 24 * 40));
        var lesson = new[] { "l1", "l2", "l3", "ghost" }[random.Next(4)];
        var item = lesson == "l2" && random.Next(2) == 0 ? new[] { "q1", "q2", "q9" }[random.Next(3)] : null;
        var verb = Verbs[random.Next(Verbs.Length)];
        bool? success = random.Next(3) == 0 ? random.Next(2) == 0 : null;
        double? score = random.Next(3) == 0 ? Math.Round(random.NextDouble(), 3) : null;
        bool? completion = random.Next(5) == 0 ? true : null;
        return TestData.Statement(learnerId, courseId, lesson, verb, timestamp, item, success, completion, score);
    }

    private async Task<List<StatementRecord>> StoredStatements(IEnumerable<string> learners)
    {
        var all = new List<StatementRecord>();
        var query = fixture.Client.GetGrain<IStatementQueryGrain>(0);
        foreach (var learnerId in learners)
        {
            long? after = null;
            do
            {
                var page = await query.Query(new StatementQuery(learnerId, null, null, null, null, 100, after, true));
                all.AddRange(page.Statements.Select(s => s.Statement));
                after = page.NextSequence;
            }
            while (after is not null);
        }

        return all;
    }

    /// <summary>The figures straight from the statement list, written without the analytics code.</summary>
    private static CourseAnalytics Recompute(
        CourseDefinition course,
        Dictionary<string, (DateTimeOffset Enrolled, DateTimeOffset? Withdrawn)> enrolments,
        List<StatementRecord> all,
        DateTimeOffset asOf)
    {
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

        // Mastery counts every graded statement, whatever asOf (documented in docs/ANALYTICS.md).
        var outcomes = all.Where(Known).SelectMany(s =>
        {
            var lesson = lessons[s.LessonId!];
            IReadOnlyList<string> skills = lesson.Skills ?? [];
            if (s.ItemId is not null && lesson.Items!.Single(i => i.Id == s.ItemId).Skills is { Count: > 0 } itemSkills)
            {
                skills = itemSkills;
            }

            bool? correct = s.Verb.EndsWith("/passed", StringComparison.Ordinal) ? s.Success ?? true
                : s.Verb.EndsWith("/failed", StringComparison.Ordinal) ? s.Success ?? false
                : s.Success ?? (s.ScoreScaled is { } score ? score >= 0.5 : null);
            return correct is { } c
                ? skills.Select(skill => (s.LearnerId, Skill: skill, Correct: c))
                : Enumerable.Empty<(string LearnerId, string Skill, bool Correct)>();
        }).ToList();
        var skills = outcomes.GroupBy(o => o.Skill).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g =>
        {
            var perLearner = g.GroupBy(o => o.LearnerId).Select(l => (l.Count(o => o.Correct) + 1.0) / (l.Count() + 2.0)).ToList();
            return new SkillMastery(g.Key, Math.Round(perLearner.Average(), 4), perLearner.Count);
        }).ToList();

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
}
