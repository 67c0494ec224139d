namespace AdaptiveMooc.Grains.Forums;

/// <summary>A thread's own fields and counters; its posts live in the forum store.</summary>
[GenerateSerializer]
[Alias("mooc.forum.thread-state")]
internal sealed class ForumThreadState
{
    [Id(0)] public bool Exists { get; set; }
    [Id(1)] public string Title { get; set; } = string.Empty;
    [Id(2)] public string Body { get; set; } = string.Empty;
    [Id(3)] public List<string> Tags { get; set; } = [];
    [Id(4)] public string AuthorId { get; set; } = string.Empty;
    [Id(5)] public DateTimeOffset CreatedAt { get; set; }
    [Id(6)] public DateTimeOffset LastActivityAt { get; set; }
    [Id(7)] public Guid OpeningPostId { get; set; }
    [Id(8)] public long LastSequence { get; set; }
    [Id(9)] public Guid? AcceptedPostId { get; set; }
    [Id(10)] public bool Pinned { get; set; }
    [Id(11)] public bool Locked { get; set; }
    [Id(12)] public bool Hidden { get; set; }

    /// <summary>The author's account kind (<see cref="Abstractions.Forums.ForumRoles"/>): learner and trainer ids are separate namespaces.</summary>
    [Id(13)] public string AuthorRole { get; set; } = string.Empty;
}
