using AdaptiveMooc.ML.Events;
using AdaptiveMooc.ML.Practice;

namespace AdaptiveMooc.ML.Tests.Practice;

public sealed class PracticeSimulatorTests
{
    [Fact]
    public void Item_update_matches_the_bkt_formula_by_hand()
    {
        var item = new PracticeItem("i", Guess: 0.2, Slip: 0.1, Learn: 0.1, Answers: 10);
        // posterior = 0.45 / (0.45 + 0.10); then + (1 - posterior) × 0.1
        Assert.Equal((9.0 / 11.0) + (2.0 / 11.0 * 0.1), item.Update(0.5, correct: true), 12);
        Assert.Equal(0.55, item.PCorrect(0.5), 12);
    }

    [Fact]
    public void Em_recovers_item_difficulty_from_synthetic_answers()
    {
        // Two items of one skill: "hard" has a low guess, "easy" a high one.
        var truth = new[] { (Guess: 0.05, Slip: 0.10), (Guess: 0.40, Slip: 0.05) };
        var random = new Random(3);
        var sequences = new List<IReadOnlyList<(int, bool)>>();
        for (var s = 0; s < 4000; s++)
        {
            var known = random.NextDouble() < 0.3;
            var answers = new List<(int, bool)>();
            for (var t = 0; t < 10; t++)
            {
                var item = random.Next(2);
                var correct = random.NextDouble() < (known ? 1 - truth[item].Slip : truth[item].Guess);
                answers.Add((item, correct));
                known = known || random.NextDouble() < 0.15;
            }

            sequences.Add(answers);
        }

        var (init, learn, guess, slip, _) = ItemBktFitter.Fit(sequences, 2);
        Assert.InRange(init, 0.25, 0.35);
        Assert.InRange(learn, 0.11, 0.19);
        Assert.InRange(guess[0], 0.02, 0.09);
        Assert.InRange(guess[1], 0.34, 0.45);
        Assert.InRange(slip[0], 0.06, 0.14);
        Assert.InRange(slip[1], 0.02, 0.09);
    }

    [Fact]
    public void Fit_keeps_only_items_with_enough_answers_and_skills_with_enough_items()
    {
        var events = new List<LearningEvent>();
        for (var learner = 0; learner < 30; learner++)
        {
            for (var item = 0; item < 4; item++)
            {
                events.Add(Answer(learner, $"i{item}", "s", item % 2 == 0));
            }

            events.Add(Answer(learner, "rare-" + learner, "s", true));
            events.Add(Answer(learner, "t0", "thin", true));
        }

        var skills = PracticeModelFit.Fit(events, minItemAnswers: 20, minItems: 4);
        var skill = Assert.Single(skills);
        Assert.Equal("s", skill.Id);
        Assert.Equal(["i0", "i1", "i2", "i3"], skill.Items.Select(i => i.Id).Order(StringComparer.Ordinal));
        Assert.Equal(30, skill.Learners);
    }

    [Fact]
    public void Simulation_is_repeatable_and_adaptive_stays_in_the_band_more_than_random()
    {
        // Items from very hard to very easy: random order often lands far from the learner's level.
        var items = Enumerable.Range(0, 12).Select(i => new PracticeItem($"i{i:00}", 0.02 + (0.035 * i), 0.4 - (0.03 * i), 0.15, 100)).ToList();
        var skills = new[] { new PracticeSkill("s", 0.4, 0.15, 100, items) };
        var options = new PracticeSimulationOptions(Learners: 400, Seed: 5);
        var first = PracticeSimulator.Run(skills, options);
        var second = PracticeSimulator.Run(skills, options);
        Assert.Equal(first, second);

        var adaptive = first.Single(r => r.Order == PracticeOrder.Adaptive);
        var random = first.Single(r => r.Order == PracticeOrder.Random);
        Assert.True(adaptive.PicksOutsideBand < random.PicksOutsideBand, $"{adaptive.PicksOutsideBand} vs {random.PicksOutsideBand}");
        Assert.True(adaptive.PicksFar < random.PicksFar, $"{adaptive.PicksFar} vs {random.PicksFar}");
        Assert.All(first, r => Assert.InRange(r.MasteredAtAll, 0.9, 1.0));
    }

    private static LearningEvent Answer(int learner, string item, string skill, bool correct) =>
        new($"l{learner}", "c", null, item, LearningVerb.Answered, DateTimeOffset.UnixEpoch, correct, null, null, [skill]);
}
