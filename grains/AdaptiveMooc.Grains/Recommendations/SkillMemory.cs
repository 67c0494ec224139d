namespace AdaptiveMooc.Grains.Recommendations;

/// <summary>What the learner model knows of one skill.</summary>
/// <param name="Mastery">Probability the skill is mastered, from knowledge tracing, in [0, 1].</param>
/// <param name="Practices">Graded attempts seen on the skill.</param>
/// <param name="LastPractised">Timestamp of the latest attempt.</param>
internal sealed record SkillMemory(double Mastery, int Practices, DateTimeOffset? LastPractised);
