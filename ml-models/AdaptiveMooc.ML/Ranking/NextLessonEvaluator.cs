using AdaptiveMooc.ML.Evaluation;

namespace AdaptiveMooc.ML.Ranking;

/// <summary>Scores the held-out day of every test learner with the model and the popularity baseline.</summary>
public static class NextLessonEvaluator
{
    /// <summary>
    /// Mean Recall@k / NDCG@k over the held-out cases of <paramref name="testCourses"/>; the model's
    /// features and the baseline read the same aggregates, built as <paramref name="statistics"/> says.
    /// </summary>
    public static NextLessonResult Evaluate(
        RankingModel model,
        IEnumerable<RankingCourseData> testCourses,
        int k = 10,
        Action<string>? progress = null,
        NextLessonStatistics statistics = NextLessonStatistics.TimeOrdered)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(testCourses);
        using var scorer = model.CreateScorer();
        double recall = 0, ndcg = 0, baselineRecall = 0, baselineNdcg = 0, ceiling = 0;
        var n = 0;
        foreach (var course in testCourses)
        {
            var candidates = course.Candidates.Count;
            var features = new float[candidates * RankingFeatures.Count];
            var scores = new float[candidates];
            var courseCases = 0;
            foreach (var (nextCase, stats) in NextLessonProtocol.Cases(course, extraDaysPerLearner: 0, seed: 0, statistics))
            {
                if (!nextCase.IsHoldout)
                {
                    continue;
                }

                RankingFeatures.Compute(nextCase.History, stats, nextCase.Day, features);
                scorer.ScoreAll(features, scores);
                var ranked = RankingScorer.Top(scores, k).Select(i => stats.Candidates[i].LessonId).ToList();
                var baseline = PopularityBaseline.Rank(stats, nextCase.Day, k);
                recall += RankingMetrics.RecallAtK(ranked, nextCase.Target, k);
                ndcg += RankingMetrics.NdcgAtK(ranked, nextCase.Target, k);
                baselineRecall += RankingMetrics.RecallAtK(baseline, nextCase.Target, k);
                baselineNdcg += RankingMetrics.NdcgAtK(baseline, nextCase.Target, k);
                ceiling += (double)Math.Min(k, nextCase.Target.Count(t => stats.IndexOf(t) >= 0)) / nextCase.Target.Count;
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
