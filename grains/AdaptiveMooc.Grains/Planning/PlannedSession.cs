namespace AdaptiveMooc.Grains.Planning;

/// <summary>One study session; times carry the learner's local offset at that instant.</summary>
internal sealed record PlannedSession(DateTimeOffset Start, DateTimeOffset End, IReadOnlyList<string> LessonIds)
{
    public int Minutes => (int)Math.Round((End - Start).TotalMinutes);
}
