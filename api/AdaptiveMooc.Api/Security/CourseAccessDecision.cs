namespace AdaptiveMooc.Api.Security;

/// <summary>Maps to 200-class, 404 and 403.</summary>
public enum CourseAccessDecision
{
    Allowed,
    NotFound,
    Forbidden,
}
