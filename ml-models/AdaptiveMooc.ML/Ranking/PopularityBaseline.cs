namespace AdaptiveMooc.ML.Ranking;

/// <summary>
/// The protocol's baseline: the lessons most clicked in the same course and course week
/// (floor(day / 7)) over the rows not held out; ties and empty weeks fall back to clicks in the whole
/// course, then candidate order.
/// </summary>
public static class PopularityBaseline
{
    public static IReadOnlyList<string> Rank(CourseRankingStats course, int day, int limit)
    {
        ArgumentNullException.ThrowIfNull(course);
        var order = course.PopularityOrder(CourseDay.WeekOf(day));
        return [.. order.Take(limit).Select(i => course.Candidates[i].LessonId)];
    }
}
