using AdaptiveMooc.ML.Practice;

namespace AdaptiveMooc.ML.Tests.Practice;

public sealed class PracticePolicyTests
{
    private static readonly PracticeBand Band = PracticeBand.Default;

    [Fact]
    public void Picks_the_item_in_the_band_nearest_the_target()
    {
        var choice = PracticePolicy.Choose(
            [new("easy", 0.95), new("hard", 0.30), new("edge", 0.84), new("aim", 0.70)], Band);
        Assert.Equal("aim", choice.ItemId);
        Assert.Equal(PracticePlacement.InBand, choice.Placement);
        Assert.Contains("70 %", choice.Reason, StringComparison.Ordinal);
        Assert.Contains("60 %–85 %", choice.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void In_the_band_a_more_discriminating_item_wins()
    {
        var choice = PracticePolicy.Choose(
            [new("near-target", 0.72, 0, 0.3), new("sharp", 0.65, 0, 0.8), new("outside", 0.5, 0, 0.95)], Band);
        Assert.Equal("sharp", choice.ItemId);
    }

    [Fact]
    public void In_the_band_the_item_that_teaches_most_wins_then_the_more_discriminating_and_the_reason_says_so()
    {
        var choice = PracticePolicy.Choose(
            [new("sharp", 0.70, 0, 0.8, 0.10), new("teaching", 0.65, 0, 0.3, 0.25), new("outside", 0.5, 0, 0.95, 0.9)], Band);
        Assert.Equal("teaching", choice.ItemId);
        Assert.Contains("learnt most from", choice.Reason, StringComparison.Ordinal);

        // Learning rates equal to 0.01: discrimination decides.
        var tie = PracticePolicy.Choose([new("sharp", 0.70, 0, 0.8, 0.201), new("blunt", 0.72, 0, 0.3, 0.204)], Band);
        Assert.Equal("sharp", tie.ItemId);
    }

    [Fact]
    public void A_held_out_tutor_tracks_with_its_own_rates_and_every_order_sees_the_same_learners()
    {
        var truth = new PracticeSkill("s", 0.3, 0.2, 10, [new PracticeItem("a", 0.2, 0.1, 0.3, 50), new PracticeItem("b", 0.3, 0.1, 0.1, 50), new PracticeItem("c", 0.25, 0.15, 0.2, 50)]);
        var believed = truth with { Tutor = new PracticeTutorView(0.5, [new PracticeItem("a", 0.3, 0.2, 0.1, 50), new PracticeItem("b", 0.3, 0.2, 0.4, 50), new PracticeItem("c", 0.3, 0.2, 0.2, 50)]) };
        var options = new PracticeSimulationOptions(Learners: 300, Seed: 7);
        var known = PracticeSimulator.Run([truth], options);
        var heldOut = PracticeSimulator.Run([believed], options);
        Assert.Equal(heldOut.Select(r => r.MeanItems), PracticeSimulator.Run([believed], options).Select(r => r.MeanItems));
        Assert.NotEqual(known.Select(r => r.MeanItems), heldOut.Select(r => r.MeanItems));
    }

    [Fact]
    public void When_every_item_is_too_hard_the_easiest_is_taken_and_the_reason_says_so()
    {
        var choice = PracticePolicy.Choose([new("a", 0.20), new("b", 0.45), new("c", 0.35)], Band);
        Assert.Equal("b", choice.ItemId);
        Assert.Equal(PracticePlacement.BelowBand, choice.Placement);
        Assert.Contains("harder", choice.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void When_every_item_is_too_easy_the_hardest_is_taken()
    {
        var choice = PracticePolicy.Choose([new("a", 0.97), new("b", 0.90), new("c", 0.99)], Band);
        Assert.Equal("b", choice.ItemId);
        Assert.Equal(PracticePlacement.AboveBand, choice.Placement);
        Assert.Contains("easier", choice.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Fresh_items_come_before_answered_ones_even_outside_the_band()
    {
        var choice = PracticePolicy.Choose([new("seen", 0.72, 1), new("fresh", 0.50, 0)], Band);
        Assert.Equal("fresh", choice.ItemId);
        Assert.Contains("already answered", choice.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Ties_go_to_the_smaller_id_whatever_the_input_order()
    {
        var a = PracticePolicy.Choose([new("b", 0.70), new("a", 0.75)], Band);
        var b = PracticePolicy.Choose([new("a", 0.75), new("b", 0.70)], Band);
        Assert.Equal("a", a.ItemId);
        Assert.Equal(a, b);
    }

    [Fact]
    public void No_candidate_is_refused()
    {
        Assert.Throws<ArgumentException>(() => PracticePolicy.Choose([], Band));
    }

    [Theory]
    [InlineData(0.6, 0.85, 0.7, true)]
    [InlineData(0.85, 0.6, 0.7, false)]
    [InlineData(0.6, 0.85, 0.9, false)]
    [InlineData(0, 0.85, 0.5, false)]
    public void Band_validation(double low, double high, double target, bool valid)
    {
        Assert.Equal(valid, new PracticeBand(low, high, target).Problem() is null);
    }
}
