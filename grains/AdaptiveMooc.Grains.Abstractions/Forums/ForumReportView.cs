namespace AdaptiveMooc.Grains.Abstractions.Forums;

/// <summary>A learner's report of a post, waiting in the course's moderation queue until a trainer acts.</summary>
[GenerateSerializer]
[Alias("mooc.forum.report-view")]
public sealed record ForumReportView(
    [property: Id(0)] Guid ReportId,
    [property: Id(1)] string CourseId,
    [property: Id(2)] Guid ThreadId,
    [property: Id(3)] Guid PostId,
    [property: Id(4)] string ReporterId,
    [property: Id(5)] string Reason,
    [property: Id(6)] DateTimeOffset CreatedAt,
    [property: Id(7)] bool Resolved);
