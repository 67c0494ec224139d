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
}
