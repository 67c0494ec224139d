using AdaptiveMooc.ML.Events;
using AdaptiveMooc.ML.KnowledgeTracing;

namespace AdaptiveMooc.ML.Tests.KnowledgeTracing;

public sealed class KnowledgeTracingModelTests
{
    private static readonly KtTrainerOptions Small = new() { Iterations = 30, Leaves = 15, MinimumExamplesPerLeaf = 20, Seed = 5 };

    [Fact]
    public void The_feature_row_schema_matches_the_feature_list()
    {
        Assert.Equal(KtFeatureRow.FeatureCount, KtFeatures.Count);
        Assert.Equal(KtFeatures.Count, KtFeatures.Names.Distinct().Count());
    }

    [Fact]
    public void Same_seed_gives_the_same_figures()
    {
        var train = SyntheticKt.Events(150, 40, seed: 11);
        var test = SyntheticKt.Events(50, 40, seed: 12, prefix: "test");

        var first = KnowledgeTracingTrainer.Evaluate(train, test, Small).Metrics;
        var second = KnowledgeTracingTrainer.Evaluate(train, test, Small).Metrics;

        Assert.Equal(first, second);
        Assert.Equal(50 * 39, first.N);
        Assert.True(first.Auc > 0.6, $"AUC {first.Auc} on learnable synthetic data");
    }

    [Fact]
    public void A_saved_model_predicts_the_same_after_loading()
    {
        var result = KnowledgeTracingTrainer.Train(SyntheticKt.Events(120, 30, seed: 3), Small with { HoldoutFraction = 0.25 });
        Assert.NotNull(result.Holdout);
        Assert.True(result.Model.HasClassifier);

        var state = new LearnerKnowledgeState();
        foreach (var evt in SyntheticKt.Events(1, 10, seed: 4, prefix: "new")) result.Model.Apply(state, evt);
        var directory = Path.Combine(Path.GetTempPath(), "kt-model-" + Guid.NewGuid().ToString("N"));
        try
        {
            result.Model.Save(directory);
            var loaded = KnowledgeTracingModel.Load(directory);
            var reloadedState = LearnerKnowledgeState.FromJson(state.ToJson());

            Assert.Equal(
                result.Model.PredictCorrect(state, ["1"], "item7"),
                loaded.PredictCorrect(reloadedState, ["1"], "item7"), 6);
            Assert.Equal(result.Model.Priors.ToJson(), loaded.Priors.ToJson());
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public void Cold_start_mastery_is_bkt_with_default_parameters()
    {
        var model = KnowledgeTracingModel.LoadOrColdStart(null);
        var state = new LearnerKnowledgeState();
        Assert.False(model.HasClassifier);
        Assert.Equal(0.55, model.MasteryBySkill(state, ["fractions"])["fractions"], 6);

        model.Apply(state, Answer("fractions", correct: true));
        // P(known) 0.5 → 0.836363… after a correct answer; P(correct) = 0.836363 × 0.9 + 0.163636 × 0.2
        var known = 9.0 / 11.0 + 2.0 / 11.0 * 0.1;
        Assert.Equal(known * 0.9 + (1 - known) * 0.2, model.MasteryBySkill(state, ["fractions"])["fractions"], 6);
        Assert.Equal(0.55, model.MasteryBySkill(state, ["decimals"])["decimals"], 6);
    }

    [Fact]
    public void Events_other_than_answers_leave_the_state_unchanged()
    {
        var state = new LearnerKnowledgeState();
        var before = state.ToJson();
        state.Apply(Answer("s", correct: true) with { Verb = LearningVerb.Experienced }, KtPriors.ColdStart());
        state.Apply(Answer("s", correct: true) with { Success = null }, KtPriors.ColdStart());
        Assert.Equal(before, state.ToJson());
    }

    private static LearningEvent Answer(string skill, bool correct) =>
        new("l", "c", null, "item-" + skill, LearningVerb.Answered, DateTimeOffset.UnixEpoch, correct, null, null, [skill]);
}
