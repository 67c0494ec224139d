using AdaptiveMooc.Grains.Abstractions.Common;
using AdaptiveMooc.Api.Http;
using AdaptiveMooc.Api.Security;
using AdaptiveMooc.Grains.Abstractions.Courses;
using AdaptiveMooc.Grains.Abstractions.Learners;

namespace AdaptiveMooc.Api.Endpoints;

/// <summary>
/// Who may use and moderate a course's forum and webinars (docs/API.md roles): learners enrolled in it
/// (active enrolment, and access when the course is paid: CourseAccess), its owner and co-trainers, admins. Moderation is for its trainers and admins only.
/// A course a learner cannot read (missing or unpublished) is a 404.
/// </summary>
internal sealed record SocialAccess(bool Found, bool CanUse, bool CanModerate, CourseSnapshot? Course)
{
    public static async Task<SocialAccess> CheckAsync(IGrainFactory grains, Caller caller, string courseId)
    {
        var course = await grains.ByKey<ICourseGrain>(courseId).Get();
        if (course is null)
        {
            return new SocialAccess(false, false, false, null);
        }

        var moderates = caller.IsAdmin || (caller.IsTrainer && course.IsTaughtBy(caller.Id));
        if (moderates)
        {
            return new SocialAccess(true, true, true, course);
        }

        if (caller.IsLearner)
        {
            if (!course.Published)
            {
                return new SocialAccess(false, false, false, null);
            }

            var enrolments = await grains.ByKey<ILearnerGrain>(caller.Id).GetEnrolments();
            var enrolled = enrolments.Any(e => e.CourseId == courseId && e.Active);

            // The paid-course rule (CourseAccess): a refunded learner keeps the enrolment's history, not the forum or webinars.
            var mayUse = enrolled && await CourseAccess.LearnerHasAccessAsync(grains, course, caller.Id);
            return new SocialAccess(true, mayUse, false, course);
        }

        return new SocialAccess(true, false, false, course);
    }

    /// <summary>The answer for a caller who may not use the course: 404 when hidden from them, else 403.</summary>
    public IResult Denied(string courseId) => Found
        ? Problems.Forbidden($"Only learners enrolled in course '{courseId}' (with access, when it is paid), its trainers and admins may do this.")
        : Problems.NotFound($"Course '{courseId}' does not exist.");

    public static IResult NotModerator(string courseId) =>
        Problems.Forbidden($"Only the trainers of course '{courseId}' and admins may do this.");
}
