using Microsoft.ML;
using Microsoft.ML.Trainers.LightGbm;

namespace AdaptiveMooc.ML.Training;

/// <summary>
/// LightGBM settings shared by the tabular models: one thread (OpenMP threads spin on two cores),
/// a fixed seed and deterministic mode, small leaves and a slow learning rate because the training
/// sets are a few thousand learners.
/// </summary>
internal static class Gbm
{
    public static LightGbmBinaryTrainer Binary(MLContext ml, int seed, int iterations = 300, int leaves = 15, int minimumLeaf = 40) =>
        ml.BinaryClassification.Trainers.LightGbm(new LightGbmBinaryTrainer.Options
        {
            LabelColumnName = nameof(FeatureRow.Label),
            FeatureColumnName = nameof(FeatureRow.Features),
            ExampleWeightColumnName = nameof(FeatureRow.Weight),
            NumberOfIterations = iterations,
            LearningRate = 0.03,
            NumberOfLeaves = leaves,
            MinimumExampleCountPerLeaf = minimumLeaf,
            NumberOfThreads = 1,
            Seed = seed,
            Deterministic = true,
            Silent = true,
            Verbose = false,
            Booster = new GradientBooster.Options { L2Regularization = 1, FeatureFraction = 0.8, SubsampleFraction = 0.8, SubsampleFrequency = 1 },
        });

    public static LightGbmRegressionTrainer Regression(MLContext ml, int seed, int iterations = 300) =>
        ml.Regression.Trainers.LightGbm(new LightGbmRegressionTrainer.Options
        {
            LabelColumnName = nameof(FeatureRow.Target),
            FeatureColumnName = nameof(FeatureRow.Features),
            ExampleWeightColumnName = nameof(FeatureRow.Weight),
            NumberOfIterations = iterations,
            LearningRate = 0.03,
            NumberOfLeaves = 15,
            MinimumExampleCountPerLeaf = 40,
            NumberOfThreads = 1,
            Seed = seed,
            Deterministic = true,
            Silent = true,
            Verbose = false,
            Booster = new GradientBooster.Options { L2Regularization = 1, FeatureFraction = 0.8, SubsampleFraction = 0.8, SubsampleFrequency = 1 },
        });
}
