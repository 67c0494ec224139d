using AdaptiveMooc.Grains.Abstractions.Analytics;
using AdaptiveMooc.Grains.Abstractions.Common;
using AdaptiveMooc.Grains.Abstractions.Courses;
using AdaptiveMooc.Grains.Abstractions.Learners;
using AdaptiveMooc.Grains.Abstractions.Statements;
using AdaptiveMooc.Grains.Analytics;
using Xunit.Abstractions;

namespace AdaptiveMooc.Grains.Tests.Analytics;

/// <summary>
/// The at-risk list end to end through the grains: statements ingested (shuffled) into a synthetic
/// presentation, analytics read as of day 28 and later, scored by the committed model files.
/// </summary>
public sealed class AtRiskGrainTests(RiskClusterFixture fixture, ITestOutputHelper output) : IClassFixture<RiskClusterFixture>
{
    private static readonly DateTimeOffset Day28 = SyntheticCourse.Day(28);

    [Fact]
    public async Task The_list_ranks_the_learner_who_stopped_first_and_ignores_later_statements()
    {
        var random = new Random(5);
        var courseId = TestData.NewId("presentation");
        var course = fixture.Client.GetGrain<ICourseGrain>(courseId);
        Assert.Equal(CommandStatus.Created, (await course.Create(SyntheticCourse.Course(courseId) with { Certificate = new CertificateRule(CertificateRule.Statement, 0.6) }, "owner")).Status);
        await course.Publish();

        var statements = new List<StatementRecord>();
        var learners = new List<string>();
        for (var i = 0; i < 24; i++)
        {
            var learnerId = TestData.NewId(i == 0 ? "stopped" : i == 1 ? "steady" : $"l{i}");
            learners.Add(learnerId);
            var learner = fixture.Client.GetGrain<ILearnerGrain>(learnerId);
            await learner.Register(TestData.Learner(learnerId));
            Assert.Equal(CommandStatus.Created, (await learner.Enroll(new EnrolmentRequest(courseId, null, null, SyntheticCourse.Day(-random.Next(2, 20))))).Status);
            var facts = i switch
            {
                0 => SyntheticCourse.Facts(learnerId, courseId, random, 28, 0.9, 0.7, quitsOn: 6),
                1 => SyntheticCourse.Facts(learnerId, courseId, random, 28, 0.95, 0.85),
                _ => SyntheticCourse.Facts(learnerId, courseId, random, 28, 0.3 + (0.6 * random.NextDouble()), 0.5 + (0.4 * random.NextDouble())),
            };
            statements.AddRange(facts.Select(f => TestData.Statement(learnerId, courseId, f.LessonId!, f.Verb!.ToLowerInvariant(), f.Timestamp, score: f.ScoreScaled)));
        }

        await Ingest(statements.OrderBy(_ => random.Next()));
        var reader = fixture.Client.GetGrain<ICourseAnalyticsGrain>(courseId);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var atDay28 = (await reader.Get(Day28, ICourseAnalyticsGrain.MaxAtRiskLimit))!;
        output.WriteLine($"{atDay28.AtRisk.Count} learners scored in {clock.ElapsedMilliseconds} ms; {atDay28.AtRiskStatus}");
        foreach (var l in atDay28.AtRisk)
        {
            output.WriteLine($"{l.LearnerId} {l.Risk} {l.AtRiskProbability}: {string.Join("; ", l.Reasons)}");
        }

        Assert.StartsWith($"model set {RiskClusterFixture.Version}: risk = P(withdrawn)", atDay28.AtRiskStatus, StringComparison.Ordinal);
        Assert.Equal(learners.Order(StringComparer.Ordinal), atDay28.AtRisk.Select(l => l.LearnerId).Order(StringComparer.Ordinal));
        var stopped = atDay28.AtRisk.Single(l => l.LearnerId == learners[0]);
        var steady = atDay28.AtRisk.Single(l => l.LearnerId == learners[1]);
        Assert.Equal(learners[0], atDay28.AtRisk[0].LearnerId);
        Assert.True(stopped.Risk > steady.Risk);
        Assert.NotEmpty(stopped.Reasons);
        Assert.Contains("inactive-recently", stopped.ReasonCodes!);
        Assert.Equal(3, (await reader.Get(Day28, 3))!.AtRisk.Count);
        Assert.Empty((await reader.Get(Day28, 0))!.AtRisk);

        // Read again without new facts: the same list (the reader's cache); a new statement moves its shard's version, so the cache key.
        Assert.Equal(atDay28.AtRisk, (await reader.Get(Day28.AddHours(3), ICourseAnalyticsGrain.MaxAtRiskLimit))!.AtRisk, AtRiskEquality.Instance);
        var keyBefore = await CacheKey(courseId);
        Assert.Equal(keyBefore, await CacheKey(courseId));

        // The learner who stopped comes back after day 28: the list as of day 28 does not move, a later one does.
        var comeback = Enumerable.Range(28, 10).SelectMany(day => Enumerable.Range(0, 4).Select(k =>
            TestData.Statement(learners[0], courseId, $"r{1 + (k % 3)}", "experienced", SyntheticCourse.Day(day, 9 + k)))).ToList();
        comeback.Add(TestData.Statement(learners[0], courseId, "r1", "experienced", Day28.AddHours(10)));
        await Ingest(comeback);
        Assert.NotEqual(keyBefore, await CacheKey(courseId));

        var again = (await reader.Get(Day28.AddHours(20), ICourseAnalyticsGrain.MaxAtRiskLimit))!;
        Assert.Equal(atDay28.AtRisk, again.AtRisk, AtRiskEquality.Instance);
        var later = (await reader.Get(SyntheticCourse.Day(38), ICourseAnalyticsGrain.MaxAtRiskLimit))!;
        Assert.True(later.AtRisk.Single(l => l.LearnerId == learners[0]).Risk < stopped.Risk);
        Assert.All(later.AtRisk, l => Assert.Equal(38, l.CourseDay));

        // Withdrawn before asOf: no longer scored.
        await fixture.Client.GetGrain<ILearnerGrain>(learners[0]).Withdraw(courseId, SyntheticCourse.Day(30), "moved");
        var afterWithdrawal = (await reader.Get(SyntheticCourse.Day(38), ICourseAnalyticsGrain.MaxAtRiskLimit))!;
        Assert.DoesNotContain(afterWithdrawal.AtRisk, l => l.LearnerId == learners[0]);
        Assert.Contains((await reader.Get(Day28, ICourseAnalyticsGrain.MaxAtRiskLimit))!.AtRisk, l => l.LearnerId == learners[0]);
    }

    private async Task<string> CacheKey(string courseId)
    {
        var versions = await Task.WhenAll(Enumerable.Range(0, AnalyticsShards.Count)
            .Select(shard => fixture.Client.GetGrain<ICourseAnalyticsShardGrain>(AnalyticsShards.Key(courseId, shard)).GetVersion()));
        return AtRiskCache.Key(Day28, RiskClusterFixture.Version, 1, versions);
    }

    private async Task Ingest(IEnumerable<StatementRecord> statements)
    {
        foreach (var batch in statements.Chunk(100))
        {
            var result = await fixture.Client.GetGrain<IStatementIngestGrain>(0).Ingest(batch);
            Assert.Equal(IngestStatus.Stored, result.Status);
        }
    }

    private sealed class AtRiskEquality : IEqualityComparer<AtRiskLearner>
    {
        public static readonly AtRiskEquality Instance = new();

        public bool Equals(AtRiskLearner? x, AtRiskLearner? y) =>
            x is not null && y is not null && x.LearnerId == y.LearnerId && x.Risk == y.Risk && x.AtRiskProbability == y.AtRiskProbability
            && x.Reasons.SequenceEqual(y.Reasons) && x.CourseDay == y.CourseDay;

        public int GetHashCode(AtRiskLearner obj) => obj.LearnerId.GetHashCode(StringComparison.Ordinal);
    }
}
