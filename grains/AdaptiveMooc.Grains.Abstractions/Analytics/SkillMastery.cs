namespace AdaptiveMooc.Grains.Abstractions.Analytics;

[GenerateSerializer]
[Alias("mooc.SkillMastery")]
public sealed record SkillMastery(
    [property: Id(0)] string Skill,
    [property: Id(1)] double MeanMastery,
    [property: Id(2)] int Learners);
