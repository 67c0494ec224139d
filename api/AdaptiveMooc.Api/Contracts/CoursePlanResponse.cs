using AdaptiveMooc.Grains.Abstractions.Planning;

namespace AdaptiveMooc.Api.Contracts;

/// <summary>One course of the learner plan.</summary>
public sealed record CoursePlanResponse(
    string CourseId,
    bool OnTrack,
    DateTimeOffset? ProjectedCompletion,
    double WeeklyHoursNeeded,
    double WeeklyHoursPlanned,
    string Explanation)
{
    public static CoursePlanResponse From(CourseOutlookView course)
    {
        ArgumentNullException.ThrowIfNull(course);
        return new(course.CourseId, course.OnTrack, course.ProjectedCompletion, course.WeeklyHoursNeeded, course.WeeklyHoursPlanned, course.Explanation);
    }
}
