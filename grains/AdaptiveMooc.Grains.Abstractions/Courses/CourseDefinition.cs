namespace AdaptiveMooc.Grains.Abstractions.Courses;

/// <summary>
/// A course as trainers write it (docs/API.md, Courses). Validated by <see cref="CourseValidator"/>.
/// <see cref="ProviderId"/>: the provider that gives it and issues its certificates (docs/PAYMENTS.md).
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
    [property: Id(9)] string? ProviderId = null)
{
    public const int MaxLessons = 2000;

    public IEnumerable<LessonDefinition> AllLessons() =>
        (Modules ?? []).SelectMany(m => m.Lessons ?? []);
}
