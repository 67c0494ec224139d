using AdaptiveMooc.Grains.Abstractions.Common;
using AdaptiveMooc.Grains.Abstractions.Courses;
using AdaptiveMooc.Grains.Abstractions.Learners;
using AdaptiveMooc.Grains.Abstractions.Payments;
using AdaptiveMooc.Grains.Abstractions.Providers;

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

        var decision = Decide(caller, course, permission);

        // A provider's admins follow every course of their provider (docs/PAYMENTS.md, "Providers").
        return decision == CourseAccessDecision.Forbidden && permission == CoursePermission.ReadAnalytics
            && caller.IsTrainer && await IsProviderAdminAsync(caller, course)
            ? CourseAccessDecision.Allowed
            : decision;
    }

    /// <summary>
    /// A learner sees a course's content while actively enrolled in it and, for a paid course, while holding
    /// access (<see cref="LearnerHasAccessAsync"/>); an unpublished course does not exist for them.
    /// </summary>
    private async Task<CourseAccessDecision> LearnerMayViewAsync(Caller caller, CourseSnapshot course)
    {
        if (!course.Published)
        {
            return CourseAccessDecision.NotFound;
        }

        return await StudiesAsync(grains, course, caller.Id) ? CourseAccessDecision.Allowed : CourseAccessDecision.Forbidden;
    }

    /// <summary>
    /// Whether the learner studies the course now: an active enrolment and, for a paid course, access
    /// (<see cref="LearnerHasAccessAsync"/>). Lesson content, quiz attempts and practice all ask this.
    /// </summary>
    public static async Task<bool> StudiesAsync(IGrainFactory grains, CourseSnapshot course, string learnerId)
    {
        ArgumentNullException.ThrowIfNull(grains);
        ArgumentNullException.ThrowIfNull(course);
        var enrolments = await grains.ByKey<ILearnerGrain>(learnerId).GetEnrolments();
        return enrolments.Any(e => e.Active && string.Equals(e.CourseId, course.Definition.Id, StringComparison.Ordinal))
            && await LearnerHasAccessAsync(grains, course, learnerId);
    }

    /// <summary>The 403 of a learner who does not study the course (<see cref="StudiesAsync"/>).</summary>
    public static string NotStudyingDetail(string learnerId, string courseId) =>
        $"Learner '{learnerId}' is not enrolled in '{courseId}', or has no access to it (a paid course).";

    /// <summary>True when the caller is an admin of the course's provider (a course without one has none).</summary>
    public Task<bool> IsProviderAdminAsync(Caller caller, CourseSnapshot course)
    {
        ArgumentNullException.ThrowIfNull(course);
        return ManagesProviderAsync(grains, caller, course.Definition.ProviderId);
    }

    /// <summary>Admins, and the provider's admins, manage a provider (its profile, trainers, vouchers, orders, grants).</summary>
    public static async Task<bool> ManagesProviderAsync(IGrainFactory grains, Caller caller, string? providerId)
    {
        ArgumentNullException.ThrowIfNull(grains);
        ArgumentNullException.ThrowIfNull(caller);
        if (caller.IsAdmin)
        {
            return true;
        }

        return caller.IsTrainer && providerId is not null && Ids.IsValid(providerId)
            && await grains.ByKey<IProviderGrain>(providerId).Get() is { } provider && provider.IsAdmin(caller.Id);
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

    /// <summary>
    /// The paid-course rule (docs/PAYMENTS.md, "Access"), the one every route asks: a free course is open to
    /// its learners; a paid course's content, media, quizzes, forum, webinars, new progress and new
    /// certificates need access for that learner (a paid order, a redeemed voucher, a provider's grant).
    /// The catalogue and the syllabus stay public.
    /// </summary>
    public static async Task<bool> LearnerHasAccessAsync(IGrainFactory grains, CourseSnapshot course, string learnerId)
    {
        ArgumentNullException.ThrowIfNull(grains);
        ArgumentNullException.ThrowIfNull(course);
        return !course.Definition.Pricing.IsPaid || await PaidCourseAccessAsync(grains, course.Definition.Id, learnerId);
    }

    /// <summary>The entitlement half of <see cref="LearnerHasAccessAsync"/>, for callers that know the course is paid.</summary>
    public static Task<bool> PaidCourseAccessAsync(IGrainFactory grains, string courseId, string learnerId)
    {
        ArgumentNullException.ThrowIfNull(grains);
        return grains.ByKey<ICourseEntitlementGrain>(ICourseEntitlementGrain.KeyOf(learnerId, courseId)).HasAccess();
    }

    /// <summary>
    /// Whether this caller may see the course's content (lesson links and media): its staff (admins, its
    /// trainers, its provider's admins) always; a learner when <see cref="LearnerHasAccessAsync"/> says so;
    /// anyone else (the catalogue key of visitors, other keys) only for a free course.
    /// </summary>
    public async Task<bool> MaySeeContentAsync(Caller caller, CourseSnapshot course)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(course);
        if (!course.Definition.Pricing.IsPaid || caller.IsAdmin || (caller.IsTrainer && course.IsTaughtBy(caller.Id)))
        {
            return true;
        }

        if (caller.IsTrainer && await IsProviderAdminAsync(caller, course))
        {
            return true;
        }

        if (caller.IsApiKey)
        {
            // Content-managing keys of the course (courses:write) wrote that content; read-only keys see the syllabus.
            return caller.CoversCourse(course.Definition.Id) && caller.HasScope(ApiKeyScopes.CoursesWrite);
        }

        return caller.IsLearner && await LearnerHasAccessAsync(grains, course, caller.Id);
    }
}
