using AdaptiveMooc.ML.Pacing;
using AdaptiveMooc.ML.Risk;

namespace AdaptiveMooc.ML.Tests.Pacing;

public sealed class PacingModelTests
{
    [Fact]
    public void Minutes_start_at_the_declared_minutes_and_move_towards_the_learners_ratio()
    {
        var state = new LearnerPacingState();
        Assert.Equal(30, PacingModel.EstimateMinutes(state, 30, PacingModel.DefaultMinutesPriorStrength), 9);

        state.TimedLessons = 3;
        state.LogRatioSum = 3 * Math.Log(2);
        Assert.Equal(30 * Math.Sqrt(2), PacingModel.EstimateMinutes(state, 30, 3), 9);

        state.TimedLessons = 3000;
        state.LogRatioSum = 3000 * Math.Log(2);
        Assert.Equal(60, PacingModel.EstimateMinutes(state, 30, 3), 1);
    }

    [Fact]
    public void Baseline_is_the_learners_mean_lateness_else_the_prior()
    {
        var learner = new float[RiskFeatures.Count];
        learner[RiskFeatures.MeanLateness] = float.NaN;
        var prior = new PacingPrior(-1.5, 0.3, 100);

        Assert.Equal(-1.5, PacingFeatures.Baseline(learner, prior));
        learner[RiskFeatures.MeanLateness] = 4;
        Assert.Equal(4, PacingFeatures.Baseline(learner, prior));
    }

    [Fact]
    public void Training_is_deterministic_and_priors_come_from_the_same_assessment()
    {
        var random = new Random(1);
        var examples = new List<PacingExample>();
        for (var i = 0; i < 400; i++)
        {
            var f = new float[RiskFeatures.Count];
            f[RiskFeatures.DaysSinceLastActive] = random.Next(0, 30);
            f[RiskFeatures.MeanLateness] = float.NaN;
            int? lateness = f[RiskFeatures.DaysSinceLastActive] > 20 ? null : random.Next(-5, 3);
            examples.Add(new PacingExample(f, new PacingContext("AAA", i % 2 == 0 ? "TMA" : "CMA", 0, 20, 10), lateness));
        }

        var a = PacingModel.Train(examples, "synthetic", seed: 4);
        var b = PacingModel.Train(examples, "synthetic", seed: 4);

        Assert.Equal(examples.Select(e => a.Predict(e.LearnerFeatures, e.Context)), examples.Select(e => b.Predict(e.LearnerFeatures, e.Context)));
        var tma = examples.Where(e => e.Context.Kind == "TMA").ToList();
        Assert.Equal(Math.Round(tma.Where(e => e.Lateness is not null).Average(e => (double)e.Lateness!.Value), 4), a.PriorFor(new PacingContext("AAA", "TMA", 0, 20, 10)).MeanLateness, 3);
        Assert.Equal(a.Info.KindPriors["TMA"], a.PriorFor(new PacingContext("ZZZ", "TMA", 0, 20, 10)));
        var gone = (float[])examples[0].LearnerFeatures.Clone();
        gone[RiskFeatures.DaysSinceLastActive] = 28;
        var here = (float[])gone.Clone();
        here[RiskFeatures.DaysSinceLastActive] = 2;
        var context = new PacingContext("AAA", "TMA", 0, 20, 10);
        Assert.True(a.Predict(gone, context).LateOrMissingProbability > a.Predict(here, context).LateOrMissingProbability);

        var directory = Path.Combine(Path.GetTempPath(), "pacing-" + Guid.NewGuid().ToString("N"));
        try
        {
            a.Save(directory);
            var loaded = PacingModel.Load(directory);
            Assert.Equal(a.Predict(gone, context), loaded.Predict(gone, context));
            Assert.Equal(a.PriorFor(context), loaded.PriorFor(context));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
