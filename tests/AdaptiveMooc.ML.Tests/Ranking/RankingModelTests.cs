using AdaptiveMooc.ML.Evaluation;
using AdaptiveMooc.ML.Ranking;

namespace AdaptiveMooc.ML.Tests.Ranking;

public sealed class RankingModelTests
{
    private static readonly RankingTrainerOptions Quick = new() { Iterations = 30, MinimumExamplesPerLeaf = 10, Seed = 5 };

    [Fact]
    public void Beats_random_order_on_a_structured_course()
    {
        var model = RankingTrainer.Train([SyntheticCourse.Structured(1, learners: 60, courseId: "train")], Quick);
        var test = SyntheticCourse.Structured(2, learners: 40, courseId: "test");
        var result = NextLessonEvaluator.Evaluate(model, [test]);

        var split = NextLessonProtocol.Build(test, 0, 0);
        var random = new Random(9);
        var randomNdcg = split.Cases.Average(c =>
        {
            var shuffled = split.Stats.Candidates.Select(x => x.LessonId).OrderBy(_ => random.Next()).ToList();
            return RankingMetrics.NdcgAtK(shuffled, c.Target, 10);
        });

        Assert.Equal(40, result.N);
        Assert.True(result.Ndcg > randomNdcg + 0.3, $"model {result.Ndcg:F3} vs random {randomNdcg:F3}");
        Assert.True(result.Recall > 0.6, $"recall {result.Recall:F3}");
    }

    [Fact]
    public void Same_seed_gives_the_same_model()
    {
        var course = SyntheticCourse.Structured(3, learners: 30);
        var first = NextLessonEvaluator.Evaluate(RankingTrainer.Train([course], Quick), [course]);
        var second = NextLessonEvaluator.Evaluate(RankingTrainer.Train([course], Quick), [course]);
        Assert.Equal(first, second);
    }

    [Fact]
    public void Saved_model_loads_and_scores_identically()
    {
        var course = SyntheticCourse.Structured(4, learners: 30);
        var model = RankingTrainer.Train([course], Quick);
        var directory = Path.Combine(Path.GetTempPath(), "ranking-" + Guid.NewGuid().ToString("N"));
        try
        {
            model.Save(directory);
            var loaded = RankingModel.Load(directory);
            var split = NextLessonProtocol.Build(course, 0, 0);
            using var before = model.CreateScorer();
            using var after = loaded.CreateScorer();
            foreach (var nextCase in split.Cases.Take(5))
            {
                Assert.Equal(
                    before.Rank(nextCase.History, split.Stats, nextCase.Day, 10),
                    after.Rank(nextCase.History, split.Stats, nextCase.Day, 10));
            }

            Assert.Equal(model.Version, loaded.Version);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
