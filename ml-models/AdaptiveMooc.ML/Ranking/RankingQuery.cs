namespace AdaptiveMooc.ML.Ranking;

/// <summary>
/// One ranking question: a learner on a course day, every candidate's features (row-major,
/// <see cref="RankingFeatures.Count"/> per candidate) and which candidates were used that day.
/// </summary>
public sealed record RankingQuery(float[] Features, bool[] Relevant)
{
    public int Candidates => Relevant.Length;
}
