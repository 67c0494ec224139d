namespace AdaptiveMooc.Tools.Import;

/// <summary>From <see cref="RealStart"/> on, course time runs <see cref="Speed"/> course days per real day, starting at <see cref="CourseStart"/>.</summary>
internal sealed record ReplaySegment(DateTimeOffset RealStart, DateTimeOffset CourseStart, double Speed);
