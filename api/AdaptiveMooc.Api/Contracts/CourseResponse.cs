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
    int PublishedVersion = 0,
    bool HasDraft = false,
    string? ProviderId = null,
    bool ContentLocked = false,
    double MasteryThreshold = CourseDefinition.DefaultMasteryThreshold)
{
    /// <summary>The syllabus without lesson links: a paid course seen by someone without access (<c>contentLocked</c>).</summary>
    public CourseResponse WithoutContent() => this with
    {
        Modules = [.. Modules.Select(m => m with { Lessons = m.Lessons?.Select(l => l with { ContentUrl = null }).ToList() })],
        ContentLocked = true,
    };

    /// <param name="withBodies">False for callers who may not read the lessons' content (docs/CONTENT.md): the Markdown bodies are left out.</param>
    public static CourseResponse From(CourseSnapshot snapshot, bool withBodies = true)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var d = snapshot.Definition;
        var modules = withBodies
            ? d.Modules ?? []
            : (d.Modules ?? []).Select(m => m with { Lessons = m.Lessons?.Select(l => l.Body is null ? l : l with { Body = null }).ToList() }).ToList();
        return new CourseResponse(
            d.Id, d.Title, d.Field, d.Description, d.Language, d.Pricing, d.Certificate, d.StartDate, modules,
            snapshot.Published, snapshot.PublishedAt, snapshot.OwnerTrainerId, snapshot.CoTrainerIds, d.AllLessons().Count(),
            snapshot.Version, snapshot.CreatedAt, snapshot.UpdatedAt, snapshot.PublishedVersion, snapshot.HasDraft, d.ProviderId,
            MasteryThreshold: d.EffectiveMasteryThreshold);
    }
}
