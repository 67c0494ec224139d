namespace AdaptiveMooc.Grains.Abstractions.Learners;

/// <summary>Who holds an e-mail: <see cref="Kind"/> is <c>learner</c> or <c>trainer</c>.</summary>
[GenerateSerializer]
[Alias("mooc.EmailOwner")]
public sealed record EmailOwner(
    [property: Id(0)] string Kind,
    [property: Id(1)] string Id)
{
    public const string Learner = "learner";
    public const string Trainer = "trainer";
}
