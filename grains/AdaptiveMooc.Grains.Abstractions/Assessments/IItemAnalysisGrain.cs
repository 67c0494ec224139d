using Orleans.Concurrency;

namespace AdaptiveMooc.Grains.Abstractions.Assessments;

/// <summary>
/// Running item statistics of a course, keyed by course id: sufficient sums per item (constant size per
/// item, whatever the number of learners), fed by each submitted attempt.
/// </summary>
[Alias("mooc.IItemAnalysisGrain")]
public interface IItemAnalysisGrain : IGrainWithStringKey
{
    /// <summary>Answers with a knowledge-tracing prediction needed before an item can be called out of line.</summary>
    public const int MinPredicted = 10;

    /// <summary>|z| at or above this, with a gap of at least <see cref="MinGap"/> between observed and expected share correct, is out of line.</summary>
    public const double ZThreshold = 2.5;

    public const double MinGap = 0.2;

    [Alias("Record")]
    Task Record(IReadOnlyList<ItemOutcome> outcomes);

    /// <summary>Statistics of every item answered so far, ordered by item id.</summary>
    [ReadOnly]
    [Alias("Get")]
    Task<IReadOnlyList<ItemStatistics>> Get();
}
