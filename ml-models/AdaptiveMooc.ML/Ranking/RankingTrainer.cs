using Microsoft.ML;
using Microsoft.ML.Trainers.LightGbm;

namespace AdaptiveMooc.ML.Ranking;

/// <summary>Trains the next-lesson LambdaRank model (LightGBM, one thread, fixed seed).</summary>
public static class RankingTrainer
{
    /// <summary>
    /// Trains on courses of past learners: every learner with at least two active days gives the
    /// queries <see cref="NextLessonProtocol"/> builds (last active day held out, plus earlier days),
    /// with course aggregates built as <see cref="RankingTrainerOptions.Statistics"/> says (by default
    /// time-ordered: only rows dated before each query's day, what the model has in service).
    /// This is what <c>mooc ml train</c> calls; save the result with <see cref="RankingModel.Save"/>.
    /// </summary>
    public static RankingModel Train(IEnumerable<RankingCourseData> courses, RankingTrainerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(courses);
        options ??= new RankingTrainerOptions();
        return Train(TrainingQueries(courses, options.ExtraDaysPerLearner, options.Seed, options.Statistics), options);
    }

    /// <summary>The training queries of <see cref="Train(IEnumerable{RankingCourseData}, RankingTrainerOptions?)"/>, built lazily.</summary>
    public static IEnumerable<RankingQuery> TrainingQueries(
        IEnumerable<RankingCourseData> courses,
        int extraDaysPerLearner,
        int seed,
        NextLessonStatistics statistics = NextLessonStatistics.TimeOrdered)
    {
        ArgumentNullException.ThrowIfNull(courses);
        foreach (var course in courses)
        {
            foreach (var (nextCase, stats) in NextLessonProtocol.Cases(course, extraDaysPerLearner, seed, statistics))
            {
                yield return NextLessonProtocol.ToQuery(nextCase, stats);
            }
        }
    }

    /// <summary>Trains on ready-made queries (features and relevance of every candidate).</summary>
    public static RankingModel Train(IEnumerable<RankingQuery> queries, RankingTrainerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(queries);
        options ??= new RankingTrainerOptions();
        var rows = SampleRows(queries, options);
        if (rows.Count == 0 || !rows.Any(r => r.Label > 0))
        {
            throw new InvalidOperationException("no training query has a relevant candidate");
        }

        var ml = new MLContext(seed: options.Seed);
        var data = ml.Data.LoadFromEnumerable(rows);
        var keyed = ml.Transforms.Conversion.MapValueToKey(nameof(RankingRow.GroupId)).Fit(data).Transform(data);
        var trainer = ml.Ranking.Trainers.LightGbm(new LightGbmRankingTrainer.Options
        {
            LabelColumnName = nameof(RankingRow.Label),
            FeatureColumnName = nameof(RankingRow.Features),
            RowGroupColumnName = nameof(RankingRow.GroupId),
            NumberOfIterations = options.Iterations,
            NumberOfLeaves = options.Leaves,
            LearningRate = options.LearningRate,
            MinimumExampleCountPerLeaf = options.MinimumExamplesPerLeaf,
            // OpenMP threads spin on a small machine and make training far slower, and one thread is deterministic.
            NumberOfThreads = 1,
            Seed = options.Seed,
            Verbose = false,
            Silent = true,
        });
        var transformer = trainer.Fit(keyed);
        var protocol = options.Statistics == NextLessonStatistics.TimeOrdered ? "time-ordered" : "pooled";
        return new RankingModel(ml, transformer, $"lambdarank-{options.Iterations}x{options.Leaves}-seed{options.Seed}-{protocol}");
    }

    private static List<RankingRow> SampleRows(IEnumerable<RankingQuery> queries, RankingTrainerOptions options)
    {
        var random = new Random(options.Seed);
        var rows = new List<RankingRow>();
        uint group = 0;
        var pool = new List<int>();
        foreach (var query in queries)
        {
            if (!query.Relevant.Contains(true))
            {
                continue;
            }

            pool.Clear();
            var start = rows.Count;
            for (var r = 0; r < query.Candidates; r++)
            {
                var f = query.Features.AsSpan(r * RankingFeatures.Count, RankingFeatures.Count);
                var known = f[0] > 0;
                var popular = f[9] < options.PopularKeptPerQuery;
                if (query.Relevant[r] || known || popular)
                {
                    rows.Add(Row(query, r, group));
                }
                else
                {
                    pool.Add(r);
                }
            }

            for (var s = 0; s < options.SampledNegativesPerQuery && pool.Count > 0; s++)
            {
                var pick = random.Next(pool.Count);
                rows.Add(Row(query, pool[pick], group));
                pool[pick] = pool[^1];
                pool.RemoveAt(pool.Count - 1);
            }

            if (rows.Count > start)
            {
                group++;
            }
        }

        return rows;
    }

    private static RankingRow Row(RankingQuery query, int candidate, uint group) => new()
    {
        Label = query.Relevant[candidate] ? 1 : 0,
        GroupId = group,
        Features = query.Features.AsSpan(candidate * RankingFeatures.Count, RankingFeatures.Count).ToArray(),
    };
}
