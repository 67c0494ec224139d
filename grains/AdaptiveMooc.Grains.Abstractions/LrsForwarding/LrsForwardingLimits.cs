namespace AdaptiveMooc.Grains.Abstractions.LrsForwarding;

public static class LrsForwardingLimits
{
    public const int MaxTargets = 10;

    public const int EndpointMaxLength = 2_000;

    public const int UsernameMaxLength = 200;

    public const int PasswordMaxLength = 1_000;

    public const int MaxCourses = 100;

    public const int CourseIdMaxLength = 100;

    /// <summary>Pending statements are counted up to this many, so the admin view stays cheap on a long backlog.</summary>
    public const int PendingCountedUpTo = 100_000;

    public const int MaxDeadLettersPerPage = 500;
}
