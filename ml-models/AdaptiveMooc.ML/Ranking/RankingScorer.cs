using Microsoft.ML;

namespace AdaptiveMooc.ML.Ranking;

/// <summary>
/// Scores candidates with one <see cref="PredictionEngine{TSrc, TDst}"/>: not thread-safe, keep one per
/// grain activation (activations are single-threaded) or per thread.
/// </summary>
public sealed class RankingScorer : IDisposable
{
    private readonly PredictionEngine<RankingInput, RankingScore> _engine;
    private readonly RankingInput _input = new() { Features = new float[RankingFeatures.Count] };
    private RankingScore _output = new();
    private float[] _features = [];

    internal RankingScorer(PredictionEngine<RankingInput, RankingScore> engine) => _engine = engine;

    /// <summary>Scores one candidate from its <see cref="RankingFeatures.Count"/> features.</summary>
    public float Score(ReadOnlySpan<float> features)
    {
        features[..RankingFeatures.Count].CopyTo(_input.Features);
        _engine.Predict(_input, ref _output);
        return _output.Score;
    }

    /// <summary>Scores every candidate of a row-major feature block.</summary>
    public void ScoreAll(ReadOnlySpan<float> features, Span<float> scores)
    {
        for (var r = 0; r < scores.Length; r++)
        {
            scores[r] = Score(features.Slice(r * RankingFeatures.Count, RankingFeatures.Count));
        }
    }

    /// <summary>
    /// The <paramref name="limit"/> best lessons of <paramref name="course"/> for a learner on a course
    /// day, best first (ties in candidate order).
    /// </summary>
    public IReadOnlyList<ScoredLesson> Rank(LearnerRankingState learner, CourseRankingStats course, int day, int limit)
    {
        ArgumentNullException.ThrowIfNull(learner);
        ArgumentNullException.ThrowIfNull(course);
        var n = course.Candidates.Count;
        if (_features.Length < n * RankingFeatures.Count)
        {
            _features = new float[n * RankingFeatures.Count];
        }

        RankingFeatures.Compute(learner, course, day, _features);
        var scores = new float[n];
        ScoreAll(_features.AsSpan(0, n * RankingFeatures.Count), scores);
        return Top(scores, limit).Select(i => new ScoredLesson(course.Candidates[i].LessonId, scores[i])).ToList();
    }

    /// <summary>Indices of the <paramref name="limit"/> highest scores, best first, ties by index.</summary>
    public static int[] Top(ReadOnlySpan<float> scores, int limit)
    {
        var order = new int[scores.Length];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        var copy = scores.ToArray();
        Array.Sort(order, (a, b) =>
        {
            var byScore = copy[b].CompareTo(copy[a]);
            return byScore != 0 ? byScore : a.CompareTo(b);
        });
        return order[..Math.Min(limit, order.Length)];
    }

    public void Dispose() => _engine.Dispose();
}
