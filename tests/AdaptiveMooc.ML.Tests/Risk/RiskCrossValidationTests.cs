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
    public async Task The_time_ordered_check_needs_two_presentation_ids()
    {
        var dataset = OuladDataset.Load(_fixture.Directory, new OuladPresentationFilter("2013J"));
        var samples = await OuladFeatureExtractor.RiskSamplesAsync(dataset, [28]);

        Assert.Null(RiskEvaluation.TimeOrderedSplit(samples, 28));
    }
}
