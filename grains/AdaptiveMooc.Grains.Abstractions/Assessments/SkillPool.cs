namespace AdaptiveMooc.Grains.Abstractions.Assessments;

/// <summary><see cref="Count"/> items drawn at random, per attempt, from the bank's items tagged <see cref="Skill"/>.</summary>
[GenerateSerializer]
[Immutable]
[Alias("mooc.SkillPool")]
public sealed record SkillPool(
    [property: Id(0)] string Skill,
    [property: Id(1)] int Count);
