using AdaptiveMooc.ML.Risk;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace AdaptiveMooc.ML.Training;

/// <summary>
/// The reference the risk model must beat: plain logistic regression on click and assessment counts
/// (log total clicks, active days, submissions, mean score so far with 0 when none).
/// </summary>
internal static class CountsLogisticBaseline
{
    public static double[] TrainAndScore(IReadOnlyList<float[]> train, IReadOnlyList<bool> labels, IReadOnlyList<float[]> test, int seed)
    {
        var ml = new MLContext(seed);
        var data = FeatureRow.Load(ml, train.Select((f, i) => new FeatureRow { Features = Counts(f), Label = labels[i] }), Width);
        var pipeline = ml.Transforms.NormalizeMeanVariance(nameof(FeatureRow.Features))
            .Append(ml.BinaryClassification.Trainers.LbfgsLogisticRegression(nameof(FeatureRow.Label), nameof(FeatureRow.Features)));
        var model = pipeline.Fit(data);
        var scored = model.Transform(FeatureRow.Load(ml, test.Select(f => new FeatureRow { Features = Counts(f) }), Width));
        return [.. scored.GetColumn<float>("Probability").Select(p => (double)p)];
    }

    private const int Width = 4;

    private static float[] Counts(float[] f) =>
    [
        f[RiskFeatures.LogClicks],
        f[RiskFeatures.ActiveDays],
        f[RiskFeatures.Submitted],
        float.IsNaN(f[RiskFeatures.MeanScore]) ? 0 : f[RiskFeatures.MeanScore],
    ];
}
