using AdaptiveMooc.Grains.Abstractions.Analytics;
using AdaptiveMooc.Grains.Analytics;

namespace AdaptiveMooc.Grains.Tests.Analytics;

/// <summary>Rows apply each statement once by sequence, merge mastery idempotently and answer mastery as of an instant.</summary>
public sealed class AnalyticsMasteryTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_fact_at_or_below_the_rows_sequence_changes_nothing_but_may_bring_its_mastery()
    {
        var row = new LearnerAnalyticsRow { LearnerId = "ada", EnrolledAt = T0 };
        Assert.True(AnalyticsRowRules.Accept(row, Fact(5, T0, mastery: null)));
        Assert.False(AnalyticsRowRules.Accept(row, Fact(5, T0, mastery: null)));
        Assert.False(AnalyticsRowRules.Accept(row, Fact(3, T0.AddDays(1), mastery: null)));
        Assert.Single(row.Days);
        Assert.Equal(1, row.SkillAttempts["npv"]);

        // The same statement sent again by the learner grain, now with the mastery it produced.
        Assert.True(AnalyticsRowRules.Accept(row, Fact(5, T0, mastery: 0.61)));
        Assert.False(AnalyticsRowRules.Accept(row, Fact(5, T0, mastery: 0.61)));
        Assert.Equal(1, row.SkillAttempts["npv"]);
        Assert.Equal(new MasteryPoint(5, T0, 0.61), Assert.Single(row.Mastery["npv"]));
    }

    [Fact]
    public void A_fact_outside_the_enrolment_moves_the_sequence_and_counts_nothing()
    {
        var notEnrolled = new LearnerAnalyticsRow { LearnerId = "ada" };
        Assert.True(AnalyticsRowRules.Accept(notEnrolled, Fact(5, T0, mastery: 0.9)));
        Assert.Equal(5, notEnrolled.LastSequence);
        Assert.Empty(notEnrolled.Days);
        Assert.Empty(notEnrolled.Mastery);

        // Five minutes of clock skew are tolerated; a day before the enrolment is not.
        var enrolled = new LearnerAnalyticsRow { LearnerId = "bob", EnrolledAt = T0 };
        Assert.True(AnalyticsRowRules.Accept(enrolled, Fact(6, T0.AddDays(-1), mastery: 0.9)));
        Assert.Empty(enrolled.Days);
        Assert.True(AnalyticsRowRules.Accept(enrolled, Fact(7, T0.AddMinutes(-4), mastery: null)));
        Assert.Single(enrolled.Days);
        Assert.Equal(7, enrolled.LastSequence);
    }

    [Fact]
    public void Mastery_as_of_an_instant_is_the_latest_point_strictly_before_it_among_the_retained_ones()
    {
        var row = new LearnerAnalyticsRow { LearnerId = "ada" };
        for (var i = 1; i <= 14; i++)
        {
            // Arrival order differs from timestamp order.
            var day = (i * 5) % 14;
            AnalyticsRowRules.MergeMastery(row, i, T0.AddDays(day), new Dictionary<string, double> { ["npv"] = day / 100.0 });
        }

        var points = row.Mastery["npv"];
        Assert.Equal(LearnerAnalyticsRow.MaxMasteryPoints, points.Count);
        Assert.Equal(points.OrderBy(p => p.Timestamp).ToList(), points);
        Assert.Equal(T0.AddDays(4), points[0].Timestamp);
        Assert.Equal(0.07, AnalyticsRowRules.MasteryBefore(points, T0.AddDays(7).AddTicks(1))!.Mastery);
        Assert.Equal(0.06, AnalyticsRowRules.MasteryBefore(points, T0.AddDays(7))!.Mastery);

        // Before the oldest retained point the learner does not count (docs/ANALYTICS.md).
        Assert.Null(AnalyticsRowRules.MasteryBefore(points, T0.AddDays(4)));

        // Merging a point again, or one older than every retained point, changes nothing.
        Assert.False(AnalyticsRowRules.MergeMastery(row, 9, T0.AddDays(3), new Dictionary<string, double> { ["npv"] = 0.03 }));
        Assert.False(AnalyticsRowRules.MergeMastery(row, 1, T0.AddDays(5), new Dictionary<string, double> { ["npv"] = 0.05 }));
        Assert.Equal(LearnerAnalyticsRow.MaxMasteryPoints, row.Mastery["npv"].Count);
    }

    [Fact]
    public void The_at_risk_cache_serves_a_key_once_and_recomputes_for_a_new_key_or_population()
    {
        var cache = new AtRiskCache(capacity: 2);
        var shards = Enumerable.Range(0, AnalyticsShards.Count).Select(_ => new AnalyticsShardVersion(Guid.NewGuid(), 3)).ToList();
        var key = AtRiskCache.Key(T0.AddHours(9), "v1", 2, shards);
        IReadOnlyList<AtRiskLearner> list = [new AtRiskLearner("ada", 0.7, ["no activity for 21 days"])];

        var first = cache.GetOrCompute(key, ["ada"], () => list);
        var second = cache.GetOrCompute(key, ["ada"], () => throw new InvalidOperationException("served from the cache"));
        Assert.Same(first, second);
        Assert.Equal(1, cache.Computed);

        // Same UTC day: same key. A new fact in one shard, another model set or another day: another key.
        Assert.Equal(key, AtRiskCache.Key(T0.AddHours(20), "v1", 2, shards));
        Assert.NotEqual(key, AtRiskCache.Key(T0.AddHours(9), "v1", 2, [.. shards.Take(7), shards[7] with { Changes = 4 }]));
        Assert.NotEqual(key, AtRiskCache.Key(T0.AddHours(9), "v2", 2, shards));
        Assert.NotEqual(key, AtRiskCache.Key(T0.AddDays(1), "v1", 2, shards));
        Assert.NotEqual(key, AtRiskCache.Key(T0.AddHours(9), "v1", 3, shards));

        // A learner enrolled later the same day joins the population: recomputed.
        cache.GetOrCompute(key, ["ada", "bob"], () => list);
        Assert.Equal(2, cache.Computed);
    }

    private static AnalyticsFact Fact(long sequence, DateTimeOffset at, double? mastery) =>
        new(Guid.NewGuid(), "ada", "course", at, "l2", false, null, true, ["npv"], "Answered", true, null, 1, sequence,
            mastery is { } m ? new Dictionary<string, double> { ["npv"] = m } : null);
}
