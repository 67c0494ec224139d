using AdaptiveMooc.Grains.Abstractions.Courses;

namespace AdaptiveMooc.Api.Contracts;

public sealed record CourseResponse(
    string Id,
    string Title,
    string Field,
    string? Description,
    string? Language,
    Pricing Pricing,
    CertificateRule? Certificate,
    DateOnly? StartDate,
    IReadOnlyList<ModuleDefinition> Modules,
    bool Published,
    DateTimeOffset? PublishedAt,
    string OwnerTrainerId,
    IReadOnlyList<string> CoTrainerIds,
    int LessonCount,
    int Version,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    public static CourseResponse From(CourseSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var d = snapshot.Definition;
        return new CourseResponse(
            d.Id, d.Title, d.Field, d.Description, d.Language, d.Pricing, d.Certificate, d.StartDate, d.Modules ?? [],
            snapshot.Published, snapshot.PublishedAt, snapshot.OwnerTrainerId, snapshot.CoTrainerIds, d.AllLessons().Count(),
            snapshot.Version, snapshot.CreatedAt, snapshot.UpdatedAt);
    }
}
