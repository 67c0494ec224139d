namespace AdaptiveMooc.Grains.Assessments;

[GenerateSerializer]
[Alias("mooc.ItemAnalysisState")]
internal sealed class ItemAnalysisState
{
    [Id(0)] public Dictionary<string, ItemSums> Items { get; set; } = new(StringComparer.Ordinal);
}

/// <summary>Sufficient sums of one item: x = correct (0/1), y = rest score, p = predicted P(correct).</summary>
[GenerateSerializer]
[Alias("mooc.ItemSums")]
internal sealed class ItemSums
{
    [Id(0)] public int N { get; set; }

    [Id(1)] public int Correct { get; set; }

    [Id(2)] public int PairN { get; set; }

    [Id(3)] public int PairCorrect { get; set; }

    [Id(4)] public double SumY { get; set; }

    [Id(5)] public double SumY2 { get; set; }

    [Id(6)] public double SumXY { get; set; }

    [Id(7)] public int PredictedN { get; set; }

    [Id(8)] public int PredictedCorrect { get; set; }

    [Id(9)] public double SumP { get; set; }

    [Id(10)] public double SumPQ { get; set; }
}
