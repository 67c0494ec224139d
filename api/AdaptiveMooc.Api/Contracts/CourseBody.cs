using AdaptiveMooc.Grains.Abstractions.Courses;

namespace AdaptiveMooc.Api.Contracts;

/// <summary>
/// Body of <c>POST</c> and <c>PUT /api/courses</c>: the course definition of docs/API.md plus, for
/// admins and API keys creating a course for a trainer, <c>ownerTrainerId</c>; <c>providerId</c> the provider that gives it;
/// <c>masteryThreshold</c> (0.5-0.99, default 0.85) where adaptive practice of a skill stops.
/// </summary>
public sealed record CourseBody(
    string? Id,
    string Title,
    string Field,
    string? Description,
    string? Language,
    Pricing Pricing,
    CertificateRule? Certificate,
    DateOnly? StartDate,
    IReadOnlyList<ModuleDefinition>? Modules,
    string? OwnerTrainerId = null,
    string? ProviderId = null,
    double? MasteryThreshold = null)
{
    public CourseDefinition ToDefinition(string id) =>
        new(id, Title, Field, Description, Language, Pricing, Certificate, StartDate, Modules, ProviderId, MasteryThreshold);
}
