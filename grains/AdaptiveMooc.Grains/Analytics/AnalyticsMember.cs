using AdaptiveMooc.Grains.Abstractions.Analytics;

namespace AdaptiveMooc.Grains.Analytics;

/// <summary>A learner an analytics shard has a row for; <see cref="Enrolment"/> null when the row came from statements only.</summary>
internal sealed record AnalyticsMember(string LearnerId, AnalyticsEnrolment? Enrolment);
