namespace AdaptiveMooc.Grains.Planning;

/// <summary>One study session of one course in a learner's plan; times carry the learner's local offset.</summary>
internal sealed record ScheduledSession(DateTimeOffset Start, DateTimeOffset End, string CourseId, IReadOnlyList<string> LessonIds);
