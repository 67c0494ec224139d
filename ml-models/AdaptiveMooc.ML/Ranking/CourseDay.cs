namespace AdaptiveMooc.ML.Ranking;

/// <summary>Course days and weeks as the ranking features count them.</summary>
public static class CourseDay
{
    /// <summary>Whole days from <paramref name="courseStart"/> (floor; negative before the start).</summary>
    public static int Of(DateTimeOffset timestamp, DateTimeOffset courseStart) =>
        (int)Math.Floor((timestamp - courseStart).TotalDays);

    /// <summary>Course week floor(day / 7), also for negative days (OULAD counts days before the start).</summary>
    public static int WeekOf(int day) => (int)Math.Floor(day / 7.0);
}
