namespace AdaptiveMooc.Grains.Abstractions.Learners;

/// <summary><see cref="EnrolledAt"/> is the caller-given instant (past only for admins and importers) or now.</summary>
[GenerateSerializer]
[Alias("mooc.EnrolmentRequest")]
public sealed record EnrolmentRequest(
    [property: Id(0)] string CourseId,
    [property: Id(1)] DateOnly? TargetDate,
    [property: Id(2)] string? PurchaseId,
    [property: Id(3)] DateTimeOffset EnrolledAt);
