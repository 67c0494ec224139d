using AdaptiveMooc.Grains.Abstractions.Common;
using AdaptiveMooc.Grains.Abstractions.Courses;
using AdaptiveMooc.Grains.Abstractions.Learners;

namespace AdaptiveMooc.Api.Security;

/// <summary>
/// Course ownership rules, written once: every endpoint that changes a course or reads its analytics
/// asks here. A missing course is NotFound for everyone allowed to ask about courses at all.
/// </summary>
public sealed class CourseAccess(IGrainFactory grains)
{
    public async Task<bool> CanManageAsync(Caller caller, string courseId) =>
        await CheckAsync(caller, courseId, CoursePermission.Manage) == CourseAccessDecision.Allowed;

    public async Task<CourseAccessDecision> CheckAsync(Caller caller, string courseId, CoursePermission permission)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var course = await grains.ByKey<ICourseGrain>(courseId).Get();
        if (course is null)
        {
            return CourseAccessDecision.NotFound;
        }

        if (permission == CoursePermission.ViewContent && caller.IsLearner)
        {
            return await LearnerMayViewAsync(caller, course);
        }

        return Decide(caller, course, permission);
    }

    /// <summary>A learner sees a course's content while actively enrolled in it; an unpublished course does not exist for them.</summary>
    private async Task<CourseAccessDecision> LearnerMayViewAsync(Caller caller, CourseSnapshot course)
    {
        if (!course.Published)
        {
            return CourseAccessDecision.NotFound;
        }

        var enrolments = await grains.ByKey<ILearnerGrain>(caller.Id).GetEnrolments();
        return enrolments.Any(e => e.Active && string.Equals(e.CourseId, course.Definition.Id, StringComparison.Ordinal))
            ? CourseAccessDecision.Allowed
            : CourseAccessDecision.Forbidden;
    }

    public static CourseAccessDecision Decide(Caller caller, CourseSnapshot course, CoursePermission permission)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(course);
        var allowed = caller.Kind switch
        {
            CallerKind.Admin => true,
            CallerKind.Trainer => permission == CoursePermission.AssignTrainers
                ? string.Equals(course.OwnerTrainerId, caller.Id, StringComparison.Ordinal)
                : course.IsTaughtBy(caller.Id),
            CallerKind.ApiKey => caller.CoversCourse(course.Definition.Id) && permission switch
            {
                CoursePermission.Manage => caller.HasScope(ApiKeyScopes.CoursesWrite),
                CoursePermission.ReadAnalytics => caller.HasScope(ApiKeyScopes.AnalyticsRead),
                _ => false,
            },
            _ => false,
        };
        return allowed ? CourseAccessDecision.Allowed : CourseAccessDecision.Forbidden;
    }
}
