using AdaptiveMooc.ML.KnowledgeTracing;

namespace AdaptiveMooc.ML.Tests.KnowledgeTracing;

/// <summary>
/// The one test on real data: ASSISTments 2009 DKVMN split, train file → test file (about 30 s of CPU).
/// Needs MOOC_DATASETS (set by ./mooc test); fails when it is missing rather than passing unchecked.
/// </summary>
public sealed class DkvmnSplitTests
{
    [Fact]
    public void Dkvmn_train_to_test_reaches_the_published_dkt_figure()
    {
        var root = Environment.GetEnvironmentVariable("MOOC_DATASETS");
        Assert.False(string.IsNullOrEmpty(root), "MOOC_DATASETS is not set: it must point at the shared datasets folder");
        var folder = Path.Combine(root, "assistments2009", "dkvmn");
        var train = KtDatasetAdapter.ReadEvents([Path.Combine(folder, "assist2009_updated_train.csv")], KtFormat.Dkvmn).ToList();
        var test = KtDatasetAdapter.ReadEvents([Path.Combine(folder, "assist2009_updated_test.csv")], KtFormat.Dkvmn).ToList();

        var metrics = KnowledgeTracingTrainer.Evaluate(train, test).Metrics;

        // 101,419 test rows of 1,230 students, each student's first answer unscored.
        Assert.Equal(101_419 - 1_230, metrics.N);
        Assert.True(metrics.Auc >= 0.80, $"AUC {metrics.Auc:F4} below DKT's 0.805 neighbourhood");
        Assert.True(metrics.BktAuc > 0.70, $"BKT AUC {metrics.BktAuc:F4} below the running-rate floor 0.701");
        Assert.True(metrics.Rmse < metrics.BktRmse, "the model should beat BKT on RMSE");
    }
}
