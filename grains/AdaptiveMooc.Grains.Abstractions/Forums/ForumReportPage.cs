namespace AdaptiveMooc.Grains.Abstractions.Forums;

[GenerateSerializer]
[Alias("mooc.forum.report-page")]
public sealed record ForumReportPage(
    [property: Id(0)] IReadOnlyList<ForumReportView> Items,
    [property: Id(1)] string? Next);
