namespace AdaptiveMooc.Grains.Analytics;

/// <summary>A learner an analytics shard has a row for; <see cref="Enrolled"/> false when the row came from statements only.</summary>
internal sealed record AnalyticsMember(string LearnerId, bool Enrolled, DateTimeOffset? EnrolledAt, DateTimeOffset? WithdrawnAt, double? WeeklyStudyHours = null);
