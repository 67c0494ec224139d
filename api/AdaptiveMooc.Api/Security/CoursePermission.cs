namespace AdaptiveMooc.Api.Security;

/// <summary>What a caller wants to do to a course (docs/API.md, roles table).</summary>
public enum CoursePermission
{
    /// <summary>Update, publish, schedule webinars: the course's trainers, admins, keys with courses:write.</summary>
    Manage,

    /// <summary>Analytics: the course's trainers, admins, keys with analytics:read.</summary>
    ReadAnalytics,

    /// <summary>Forum moderation and certificate revocation: the course's trainers and admins only.</summary>
    Moderate,

    /// <summary>Adding co-trainers: the course owner and admins only.</summary>
    AssignTrainers,

    /// <summary>Reading lessons' content and media: learners enrolled in the published course, its trainers, admins.</summary>
    ViewContent,
}
