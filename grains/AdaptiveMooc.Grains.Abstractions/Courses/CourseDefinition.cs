namespace AdaptiveMooc.Grains.Abstractions.Courses;

/// <summary>
/// A course as trainers write it (docs/API.md, Courses). Validated by <see cref="CourseValidator"/>.
/// <see cref="ProviderId"/>: the provider that gives it and issues its certificates (docs/PAYMENTS.md).
/// <see cref="MasteryThreshold"/>: the mastery at which adaptive practice of a skill stops (docs/PRACTICE.md); null means
/// <see cref="DefaultMasteryThreshold"/>.
/// </summary>
[GenerateSerializer]
[Immutable]
[Alias("mooc.CourseDefinition")]
public sealed record CourseDefinition(
    [property: Id(0)] string Id,
    [property: Id(1)] string Title,
    [property: Id(2)] string Field,
    [property: Id(3)] string? Description,
    [property: Id(4)] string? Language,
    [property: Id(5)] Pricing Pricing,
    [property: Id(6)] CertificateRule? Certificate,
    [property: Id(7)] DateOnly? StartDate,
    [property: Id(8)] IReadOnlyList<ModuleDefinition>? Modules,
    [property: Id(9)] string? ProviderId = null,
    [property: Id(10)] double? MasteryThreshold = null)
{
    public const int MaxLessons = 2000;

    public const double DefaultMasteryThreshold = 0.85;
    public const double MinMasteryThreshold = 0.5;
    public const double MaxMasteryThreshold = 0.99;

    /// <summary>The course's mastery threshold, or the platform's default when it sets none.</summary>
    public double EffectiveMasteryThreshold => MasteryThreshold ?? DefaultMasteryThreshold;

    public IEnumerable<LessonDefinition> AllLessons() =>
        (Modules ?? []).SelectMany(m => m.Lessons ?? []);
}
