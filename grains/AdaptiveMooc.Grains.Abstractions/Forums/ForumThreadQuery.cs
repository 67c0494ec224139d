namespace AdaptiveMooc.Grains.Abstractions.Forums;

/// <summary>
/// Filters of the thread listing. <see cref="Text"/> is a full-text query over title and opening post;
/// <see cref="Unanswered"/> keeps threads without any reply; hidden threads appear only to moderators.
/// </summary>
[GenerateSerializer]
[Alias("mooc.forum.thread-query")]
public sealed record ForumThreadQuery(
    [property: Id(0)] string? Text,
    [property: Id(1)] string? Tag,
    [property: Id(2)] bool Unanswered,
    [property: Id(3)] bool IncludeHidden,
    [property: Id(4)] string? After,
    [property: Id(5)] int Limit);
