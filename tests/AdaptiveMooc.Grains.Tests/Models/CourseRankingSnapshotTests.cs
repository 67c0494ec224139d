using System.Text.Json;
using AdaptiveMooc.Grains.Models;
using AdaptiveMooc.ML.Ranking;

namespace AdaptiveMooc.Grains.Tests.Models;

public sealed class CourseRankingSnapshotTests
{
    private static readonly RankingCandidate[] Candidates =
        [new("a", "video"), new("b", "reading", 1), new("c", "quiz", 2), new("d", "forum")];

    [Fact]
    public void A_restored_snapshot_gives_the_same_features_as_the_live_stats()
    {
        var (live, learner) = Replay(Candidates);

        var json = JsonSerializer.Serialize(live.ToSnapshot(), CourseModelInputs.Json);
        var restored = CourseRankingStats.FromSnapshot(Candidates, JsonSerializer.Deserialize<CourseRankingStatsSnapshot>(json, CourseModelInputs.Json)!);

        Assert.Equal(json, JsonSerializer.Serialize(restored.ToSnapshot(), CourseModelInputs.Json));
        var expected = new float[Candidates.Length * RankingFeatures.Count];
        var actual = new float[Candidates.Length * RankingFeatures.Count];
        RankingFeatures.Compute(learner, live, 12, expected);
        RankingFeatures.Compute(learner, restored, 12, actual);
        Assert.Equal(expected, actual);
        Assert.Equal(live.TotalLearnerDays, restored.TotalLearnerDays);
    }

    [Fact]
    public void Restoring_over_changed_lessons_keeps_the_counts_of_the_lessons_that_remain()
    {
        var (live, _) = Replay(Candidates);
        RankingCandidate[] changed = [new("c", "quiz", 2), new("a", "video"), new("e", "video")];

        var restored = CourseRankingStats.FromSnapshot(changed, live.ToSnapshot());

        Assert.Equal(live.LearnerDays(live.IndexOf("a")), restored.LearnerDays(restored.IndexOf("a")));
        Assert.Equal(live.Clicks(live.IndexOf("c")), restored.Clicks(restored.IndexOf("c")));
        Assert.Equal(0, restored.LearnerDays(restored.IndexOf("e")));
        Assert.Equal(int.MaxValue, restored.FirstDay(restored.IndexOf("e")));
    }

    [Fact]
    public void A_learner_ranking_state_survives_its_json_round_trip()
    {
        var (_, learner) = Replay(Candidates);

        var json = JsonSerializer.Serialize(learner.ToSnapshot(), CourseModelInputs.Json);
        var restored = LearnerRankingState.FromSnapshot(JsonSerializer.Deserialize<LearnerRankingSnapshot>(json, CourseModelInputs.Json)!);

        Assert.Equal(json, JsonSerializer.Serialize(restored.ToSnapshot(), CourseModelInputs.Json));
    }

    private static (CourseRankingStats Stats, LearnerRankingState Last) Replay(IReadOnlyList<RankingCandidate> candidates)
    {
        var stats = new CourseRankingStats(candidates);
        LearnerRankingState learner = new();
        for (var l = 0; l < 5; l++)
        {
            learner = new LearnerRankingState();
            for (var day = 0; day < 10; day += 1 + (l % 3))
            {
                stats.Record(learner, candidates[(day + l) % candidates.Count].LessonId, day, 1 + l);
                stats.Record(learner, candidates[(day + (2 * l) + 1) % candidates.Count].LessonId, day, 2);
            }
        }

        return (stats, learner);
    }
}
