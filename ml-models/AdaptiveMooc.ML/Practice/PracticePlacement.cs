namespace AdaptiveMooc.ML.Practice;

/// <summary>Where a chosen item lies against the desirable-difficulty band.</summary>
public enum PracticePlacement
{
    /// <summary>Inside the band.</summary>
    InBand,

    /// <summary>Every candidate was harder than the band: the easiest was taken.</summary>
    BelowBand,

    /// <summary>Every candidate was easier than the band: the hardest was taken.</summary>
    AboveBand,
}
