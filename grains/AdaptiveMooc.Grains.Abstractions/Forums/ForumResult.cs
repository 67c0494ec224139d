namespace AdaptiveMooc.Grains.Abstractions.Forums;

/// <summary>The answer of a forum command: an outcome, and the changed item when it applied.</summary>
[GenerateSerializer]
[Alias("mooc.forum.result`1")]
public sealed record ForumResult<T>(
    [property: Id(0)] ForumOutcome Outcome,
    [property: Id(1)] T? Value)
{
    public bool IsOk => Outcome == ForumOutcome.Ok;

    public static ForumResult<T> Ok(T value) => new(ForumOutcome.Ok, value);

    public static ForumResult<T> Fail(ForumOutcome outcome) => new(outcome, default);
}
