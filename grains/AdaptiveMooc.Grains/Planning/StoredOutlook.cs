namespace AdaptiveMooc.Grains.Planning;

/// <summary>A course's outlook as kept by the learner plan; the explanation's opening is composed per request (it names the weeks shown).</summary>
[GenerateSerializer]
[Alias("mooc.StoredOutlook")]
internal sealed record StoredOutlook(
    [property: Id(0)] string CourseId,
    [property: Id(1)] bool OnTrack,
    [property: Id(2)] DateTimeOffset? ProjectedCompletion,
    [property: Id(3)] double WeeklyHoursNeeded,
    [property: Id(4)] string Status,
    [property: Id(5)] string FullExplanation,
    [property: Id(6)] DateOnly? FirstSession,
    [property: Id(7)] bool HasWork,
    [property: Id(8)] long ProgressVersion,
    [property: Id(9)] string Stakes);
