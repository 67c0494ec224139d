using AdaptiveMooc.ML.Oulad;
using AdaptiveMooc.ML.Risk;
using AdaptiveMooc.ML.Tests.Oulad;
using AdaptiveMooc.ML.Training;

namespace AdaptiveMooc.ML.Tests.Risk;

public sealed class RiskCrossValidationTests : IDisposable
{
    private readonly OuladFixture _fixture = new();

    public void Dispose() => _fixture.Dispose();

    [Fact]
    public async Task Module_held_out_validation_refuses_a_single_module()
    {
        // Two presentations of one module: holding the module out would leave nothing to train on.
        var dataset = OuladDataset.Load(_fixture.Directory, new OuladPresentationFilter("BBB-2013B,BBB-2013J"));

        await Assert.ThrowsAsync<InvalidDataException>(() =>
            RiskEvaluation.ModuleCrossValidationAsync(dataset, 28, RiskTarget.Withdrawn, 1, _ => { }));
    }

    [Fact]
    public async Task The_time_ordered_check_trains_on_earlier_presentations_and_scores_only_modules_it_has_seen()
    {
        var dataset = OuladDataset.Load(_fixture.Directory, new OuladPresentationFilter("2013B,2013J"));
        var samples = await OuladFeatureExtractor.RiskSamplesAsync(dataset, [14, 28]);

        var (fit, held) = RiskEvaluation.TimeOrderedSplit(samples, 28)!.Value;

        Assert.All(fit, s => Assert.Equal("2013B", s.Presentation.Presentation));
        Assert.Equal(2, fit.Count);
        // AAA has no 2013B presentation, so its 2013J learners are not scored.
        Assert.Equal(["BBB-2013J"], held.Select(s => s.Presentation.Key).Distinct());
        Assert.All(held, s => Assert.Equal(28, s.Cutoff));
    }

    [Fact]
    public async Task The_other_runs_check_holds_out_each_run_of_a_recurring_module_and_trains_on_every_other_presentation()
    {
        var dataset = OuladDataset.Load(_fixture.Directory, new OuladPresentationFilter("2013B,2013J"));
        var samples = await OuladFeatureExtractor.RiskSamplesAsync(dataset, [14, 28]);

        var folds = RiskEvaluation.OtherRunsFolds(samples, 28);

        // BBB has two runs in the fixture, AAA one: only BBB's runs are held out.
        Assert.Equal(["BBB-2013B", "BBB-2013J"], folds.Select(f => f.Held[0].Presentation.Key));
        foreach (var (fit, held) in folds)
        {
            var key = held[0].Presentation.Key;
            Assert.All(held, s => Assert.Equal((key, 28), (s.Presentation.Key, s.Cutoff)));
            Assert.DoesNotContain(fit, s => s.Presentation.Key == key);
            Assert.Equal(samples.Count(s => s.Presentation.Key != key), fit.Count);
        }
    }

    [Fact]
    public async Task The_time_ordered_check_needs_two_presentation_ids()
    {
        var dataset = OuladDataset.Load(_fixture.Directory, new OuladPresentationFilter("2013J"));
        var samples = await OuladFeatureExtractor.RiskSamplesAsync(dataset, [28]);

        Assert.Null(RiskEvaluation.TimeOrderedSplit(samples, 28));
    }
}
