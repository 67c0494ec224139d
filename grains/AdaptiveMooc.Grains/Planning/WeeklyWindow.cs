namespace AdaptiveMooc.Grains.Planning;

/// <summary>A declared free-time window, in the learner's local time; it never crosses midnight.</summary>
internal sealed record WeeklyWindow(DayOfWeek Day, TimeOnly Start, TimeOnly End)
{
    public bool IsValid => End > Start;

    public TimeSpan Length => IsValid ? End - Start : TimeSpan.Zero;
}
