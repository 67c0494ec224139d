using AdaptiveMooc.Grains.Abstractions.Analytics;
using AdaptiveMooc.Grains.Analytics;

namespace AdaptiveMooc.Grains.Tests.Analytics;

public sealed class AnalyticsRuleTests
{
    private static readonly DateTimeOffset AsOf = new(2026, 3, 10, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(-7 * 24 * 60, false)]
    [InlineData(-7 * 24 * 60 + 1, true)]
    [InlineData(0, true)]
    [InlineData(1, false)]
    public void Active7d_window_excludes_its_start_and_includes_asOf(int minutesFromAsOf, bool active)
    {
        var row = new LearnerAnalyticsRow { LearnerId = "ada" };
        AnalyticsRowRules.Apply(row, Fact(AsOf.AddMinutes(minutesFromAsOf)));

        Assert.Equal(active, AnalyticsCalculator.ActiveIn(row, AsOf.AddDays(-7), AsOf));
    }

    [Fact]
    public void Folding_facts_twice_or_in_another_order_gives_the_same_activity_and_funnel()
    {
        var facts = Enumerable.Range(0, 20).Select(i => Fact(AsOf.AddHours(-i * 7), i % 3 == 0 ? "l1" : "l2", completes: i % 4 == 0)).ToList();
        var forward = new LearnerAnalyticsRow { LearnerId = "ada" };
        var replayed = new LearnerAnalyticsRow { LearnerId = "ada" };
        facts.ForEach(f => AnalyticsRowRules.Apply(forward, f));
        facts.AsEnumerable().Reverse().Concat(facts).ToList().ForEach(f => AnalyticsRowRules.Apply(replayed, f));

        Assert.Equal(forward.Days, replayed.Days);
        Assert.Equal(forward.Started, replayed.Started);
        Assert.Equal(forward.Completed, replayed.Completed);
    }

    [Fact]
    public void A_learner_always_lands_in_the_same_shard()
    {
        Assert.Equal(AnalyticsShards.Of("ada-lovelace"), AnalyticsShards.Of("ada-lovelace"));
        Assert.InRange(AnalyticsShards.Of("ada-lovelace"), 0, AnalyticsShards.Count - 1);
        Assert.True(Enumerable.Range(0, 200).Select(i => AnalyticsShards.Of($"learner-{i}")).Distinct().Count() == AnalyticsShards.Count);
    }

    private static AnalyticsFact Fact(DateTimeOffset at, string? lessonId = null, bool completes = false) =>
        new(Guid.NewGuid(), "ada", "course", at, lessonId, completes, null, null, []);
}
