using AdaptiveMooc.Grains.Abstractions;
using AdaptiveMooc.Grains.Abstractions.Analytics;
using AdaptiveMooc.Grains.Abstractions.Courses;
using AdaptiveMooc.Grains.Abstractions.Learners;
using AdaptiveMooc.Grains.Abstractions.Statements;
using AdaptiveMooc.Grains.Analytics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;
using Orleans.TestingHost;

namespace AdaptiveMooc.Grains.Tests.Analytics;

/// <summary>
/// Shards written before rows tracked sequences: catching them up from sequence 0 would count every
/// stored statement a second time, so they are refolded from the store once, on their next activation.
/// </summary>
public sealed class AnalyticsUpgradeTests
{
    private static readonly DateTimeOffset T0 = new(2026, 2, 2, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_shard_stored_before_sequences_is_refolded_once_not_counted_twice()
    {
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddMemoryGrainStorage(StorageNames.Default);
            silo.Services.AddMoocGrainServices(new ConfigurationBuilder().Build());
            silo.Services.AddWebhookGrains();
        });
        await using var cluster = builder.Build();
        await cluster.DeployAsync();

        var random = new Random(11);
        var courseId = TestData.NewId("course");
        var course = cluster.Client.GetGrain<ICourseGrain>(courseId);
        await course.Create(TestData.Course(courseId), "owner");
        await course.Publish();
        var statements = new List<StatementRecord>();
        for (var i = 0; i < 12; i++)
        {
            var learnerId = TestData.NewId($"l{i}");
            var learner = cluster.Client.GetGrain<ILearnerGrain>(learnerId);
            await learner.Register(TestData.Learner(learnerId));
            await learner.Enroll(new EnrolmentRequest(courseId, null, null, T0.AddHours(i)));
            for (var k = random.Next(3, 20); k > 0; k--)
            {
                statements.Add(AnalyticsConsistencyTests.RandomStatement(random, learnerId, courseId));
            }
        }

        foreach (var batch in statements.Chunk(10))
        {
            Assert.Equal(IngestStatus.Stored, (await cluster.Client.GetGrain<IStatementIngestGrain>(0).Ingest(batch)).Status);
        }

        var current = await Rows(cluster, courseId);
        Assert.Contains(current.Values, r => r.Activity.Count > 0 && r.Mastery.Count > 0);

        // Deactivate every shard (it writes its state), then make the stored state look like an old one.
        var storage = cluster.Silos[0].ServiceProvider.GetRequiredKeyedService<IGrainStorage>(StorageNames.Default);
        for (var shard = 0; shard < AnalyticsShards.Count; shard++)
        {
            var grainId = GrainId.Create("course-analytics-shard", AnalyticsShards.Key(courseId, shard));
            await cluster.DeactivateAsync(grainId);
            var state = new GrainState<AnalyticsShardState>(new AnalyticsShardState());
            await storage.ReadStateAsync("analytics-shard", grainId, state);
            if (state.State is not { Rows.Count: > 0 })
            {
                // No learner of this course falls in this shard: it was never written.
                continue;
            }

            Assert.Equal(AnalyticsShardState.SequencedFormat, state.State.Format);
            state.State.Format = 0;
            foreach (var row in state.State.Rows.Values)
            {
                row.LastSequence = 0;
                row.Mastery.Clear();
            }

            await storage.WriteStateAsync("analytics-shard", grainId, state);
        }

        var refolded = await Rows(cluster, courseId);
        Assert.Equal(current.Keys.Order(), refolded.Keys.Order());
        foreach (var (learnerId, row) in current)
        {
            var again = refolded[learnerId];
            Assert.Equal(row.LastSequence, again.LastSequence);
            Assert.Equal(row.EnrolledAt, again.EnrolledAt);
            Assert.Equal(row.Activity, again.Activity);
            Assert.Equal(row.Days, again.Days);
            Assert.Equal(row.SkillAttempts, again.SkillAttempts);
            Assert.Equal(row.Mastery.Keys.Order(), again.Mastery.Keys.Order());
            Assert.All(row.Mastery, kv => Assert.Equal(kv.Value, again.Mastery[kv.Key]));
        }
    }

    private static async Task<Dictionary<string, LearnerAnalyticsRow>> Rows(InProcessTestCluster cluster, string courseId)
    {
        var shards = await Task.WhenAll(Enumerable.Range(0, AnalyticsShards.Count)
            .Select(shard => cluster.Client.GetGrain<ICourseAnalyticsShardGrain>(AnalyticsShards.Key(courseId, shard)).GetRows()));
        return shards.SelectMany(rows => rows).ToDictionary(r => r.LearnerId);
    }
}
