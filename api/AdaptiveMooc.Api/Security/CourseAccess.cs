using AdaptiveMooc.Grains.Abstractions.Common;
using AdaptiveMooc.Grains.Abstractions.Courses;

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
        return course is null ? CourseAccessDecision.NotFound : Decide(caller, course, permission);
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
