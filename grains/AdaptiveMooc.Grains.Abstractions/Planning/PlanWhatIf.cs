using AdaptiveMooc.Grains.Abstractions.Learners;

namespace AdaptiveMooc.Grains.Abstractions.Planning;

/// <summary>
/// Changes to try on a learner's plan without saving them. <see cref="TargetDate"/> applies to
/// <see cref="CourseId"/> when given, else to every active enrolment; a <see cref="CourseId"/> the learner
/// is not enrolled in is added as if they enrolled now.
/// </summary>
[GenerateSerializer]
[Alias("mooc.PlanWhatIf")]
public sealed record PlanWhatIf(
    [property: Id(0)] IReadOnlyList<AvailabilityWindow>? WeeklyAvailability,
    [property: Id(1)] DateOnly? TargetDate,
    [property: Id(2)] string? CourseId);
