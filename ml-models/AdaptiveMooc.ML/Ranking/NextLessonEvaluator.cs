using AdaptiveMooc.ML.Evaluation;

namespace AdaptiveMooc.ML.Ranking;

/// <summary>Scores the held-out day of every test learner with the model and the popularity baseline.</summary>
public static class NextLessonEvaluator
{
    public static NextLessonResult Evaluate(
        RankingModel model,
        IEnumerable<RankingCourseData> testCourses,
        int k = 10,
        Action<string>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(testCourses);
        using var scorer = model.CreateScorer();
        double recall = 0, ndcg = 0, baselineRecall = 0, baselineNdcg = 0, ceiling = 0;
        var n = 0;
        foreach (var course in testCourses)
        {
            var split = NextLessonProtocol.Build(course, extraDaysPerLearner: 0, seed: 0);
            var candidates = split.Stats.Candidates.Count;
            var features = new float[candidates * RankingFeatures.Count];
            var scores = new float[candidates];
            var courseCases = 0;
            foreach (var nextCase in split.Cases.Where(c => c.IsHoldout))
            {
                RankingFeatures.Compute(nextCase.History, split.Stats, nextCase.Day, features);
                scorer.ScoreAll(features, scores);
                var ranked = RankingScorer.Top(scores, k).Select(i => split.Stats.Candidates[i].LessonId).ToList();
                var baseline = PopularityBaseline.Rank(split.Stats, nextCase.Day, k);
                recall += RankingMetrics.RecallAtK(ranked, nextCase.Target, k);
                ndcg += RankingMetrics.NdcgAtK(ranked, nextCase.Target, k);
                baselineRecall += RankingMetrics.RecallAtK(baseline, nextCase.Target, k);
                baselineNdcg += RankingMetrics.NdcgAtK(baseline, nextCase.Target, k);
                ceiling += (double)Math.Min(k, nextCase.Target.Count(t => split.Stats.IndexOf(t) >= 0)) / nextCase.Target.Count;
                courseCases++;
            }

            n += courseCases;
            progress?.Invoke($"{course.CourseId}: {courseCases} learners scored over {candidates} candidates");
        }

        return n == 0
            ? new NextLessonResult(k, 0, 0, 0, 0, 0, 0)
            : new NextLessonResult(k, recall / n, ndcg / n, baselineRecall / n, baselineNdcg / n, n, ceiling / n);
    }
}
