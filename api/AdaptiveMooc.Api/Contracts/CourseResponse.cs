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
    DateTimeOffset UpdatedAt,
    string? ProviderId = null,
    bool ContentLocked = false)
{
    /// <summary>The syllabus without lesson links: a paid course seen by someone without access (<c>contentLocked</c>).</summary>
    public CourseResponse WithoutContent() => this with
    {
        Modules = [.. Modules.Select(m => m with { Lessons = m.Lessons?.Select(l => l with { ContentUrl = null }).ToList() })],
        ContentLocked = true,
    };

    public static CourseResponse From(CourseSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var d = snapshot.Definition;
        return new CourseResponse(
            d.Id, d.Title, d.Field, d.Description, d.Language, d.Pricing, d.Certificate, d.StartDate, d.Modules ?? [],
            snapshot.Published, snapshot.PublishedAt, snapshot.OwnerTrainerId, snapshot.CoTrainerIds, d.AllLessons().Count(),
            snapshot.Version, snapshot.CreatedAt, snapshot.UpdatedAt, d.ProviderId);
    }
}
