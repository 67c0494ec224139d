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
    private static readonly DateTimeOffset[] AsOfs = [T0.AddDays(3), T0.AddDays(10).AddHours(5), T0.AddDays(21), T0.AddDays(45)];

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

        var stored = await AnalyticsRecomputation.StoredStatements(fixture.Client, enrolments.Keys.Concat(statements.Select(s => s.LearnerId)).Distinct());
        Assert.Equal(statements.Count, stored.Count);

        var reader = fixture.Client.GetGrain<ICourseAnalyticsGrain>(courseId);
        var kt = fixture.SiloServices.GetRequiredService<IModelCatalog>().Current.Kt;
        await AnalyticsRecomputation.AssertEqual(reader, definition, enrolments, stored, kt, AsOfs);

        // A rebuild from the store refolds every row (enrolments kept) to the same figures.
        var rebuilt = 0;
        for (var shard = 0; shard < AnalyticsShards.Count; shard++)
        {
            rebuilt += await fixture.Client.GetGrain<ICourseAnalyticsShardGrain>(AnalyticsShards.Key(courseId, shard)).Rebuild();
        }

        Assert.Equal(stored.Count, rebuilt);
        await AnalyticsRecomputation.AssertEqual(reader, definition, enrolments, stored, kt, AsOfs);

        // This cluster's catalog serves no trained model: the list says so rather than inventing scores
        // (AtRiskGrainTests scores with the committed models).
        var final = await reader.Get(T0.AddDays(45), ICourseAnalyticsGrain.DefaultAtRiskLimit);
        Assert.Null(fixture.SiloServices.GetRequiredService<IModelCatalog>().Current.Withdrawn);
        Assert.Empty(final!.AtRisk);
        Assert.StartsWith("unavailable: no withdrawal model", final.AtRiskStatus, StringComparison.Ordinal);
        Assert.True(final.Enrolled > 0 && final.Active7d >= 0 && final.Lessons.Any(l => l.Completed > 0), "the history exercises the funnel");
        Assert.True(final.Skills.Count >= 2 && final.Skills.All(k => k.Learners > 0), "the history exercises mastery");
    }

    internal static StatementRecord RandomStatement(Random random, string learnerId, string courseId)
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
}
