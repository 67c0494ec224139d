using AdaptiveMooc.ML.KnowledgeTracing;

namespace AdaptiveMooc.ML.Tests.KnowledgeTracing;

public sealed class BktTests
{
    private static readonly BktParameters P = new(Init: 0.5, Learn: 0.1, Guess: 0.2, Slip: 0.1);

    [Fact]
    public void Prediction_mixes_slip_and_guess()
    {
        // 0.5 × 0.9 + 0.5 × 0.2
        Assert.Equal(0.55, P.PCorrect(0.5), 12);
    }

    [Fact]
    public void A_correct_answer_updates_the_posterior_as_computed_by_hand()
    {
        // posterior = 0.45 / (0.45 + 0.10) = 9/11; after learning: 9/11 + 2/11 × 0.1 = 0.836363…
        Assert.Equal(9.0 / 11.0 + 2.0 / 11.0 * 0.1, P.Update(0.5, correct: true), 12);
    }

    [Fact]
    public void A_wrong_answer_updates_the_posterior_as_computed_by_hand()
    {
        // posterior = 0.05 / (0.05 + 0.40) = 1/9; after learning: 1/9 + 8/9 × 0.1 = 0.2
        Assert.Equal(0.2, P.Update(0.5, correct: false), 12);
    }

    [Fact]
    public void Em_recovers_the_parameters_that_generated_the_data()
    {
        var truth = new BktParameters(Init: 0.3, Learn: 0.15, Guess: 0.2, Slip: 0.08);
        var random = new Random(7);
        var sequences = new List<IReadOnlyList<bool>>();
        for (var s = 0; s < 3000; s++)
        {
            var known = random.NextDouble() < truth.Init;
            var answers = new List<bool>();
            for (var t = 0; t < 12; t++)
            {
                answers.Add(known ? random.NextDouble() >= truth.Slip : random.NextDouble() < truth.Guess);
                if (!known && random.NextDouble() < truth.Learn) known = true;
            }
            sequences.Add(answers);
        }

        var fitted = BktFitter.Fit(sequences);

        Assert.InRange(fitted.Init, 0.25, 0.35);
        Assert.InRange(fitted.Learn, 0.12, 0.18);
        Assert.InRange(fitted.Guess, 0.17, 0.23);
        Assert.InRange(fitted.Slip, 0.06, 0.10);
        Assert.True(BktFitter.LogLikelihood(sequences, fitted) > BktFitter.LogLikelihood(sequences, BktParameters.Default));
    }

    [Fact]
    public void Guess_and_slip_stay_below_the_degeneracy_bound()
    {
        // Learners who always answer wrong then always right at random would push guess/slip up.
        var random = new Random(3);
        var sequences = Enumerable.Range(0, 200)
            .Select(_ => (IReadOnlyList<bool>)[.. Enumerable.Range(0, 10).Select(_ => random.NextDouble() < 0.5)])
            .ToList();
        var fitted = BktFitter.Fit(sequences);
        Assert.InRange(fitted.Guess, 0, BktFitter.MaxGuessOrSlip);
        Assert.InRange(fitted.Slip, 0, BktFitter.MaxGuessOrSlip);
    }
}
