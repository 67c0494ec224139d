using AdaptiveMooc.Grains.Abstractions.Common;

namespace AdaptiveMooc.Grains.Abstractions.Practice;

/// <summary>Keys of <see cref="IPracticeGrain"/>: <c>{learnerId}/{courseId}/{skill}</c> (ids never hold '/'; the skill may).</summary>
public static class PracticeKeys
{
    /// <summary>Skills are course-defined names of 1-100 characters (the course validator's rule).</summary>
    public const int MaxSkillLength = 100;

    public static string Of(string learnerId, string courseId, string skill) => $"{learnerId}/{courseId}/{skill}";

    public static (string LearnerId, string CourseId, string Skill) Parse(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var parts = key.Split('/', 3);
        return parts.Length == 3 && Ids.IsValid(parts[0]) && Ids.IsValid(parts[1]) && IsSkill(parts[2])
            ? (parts[0], parts[1], parts[2])
            : throw new ArgumentException($"'{key}' is not learner/course/skill.", nameof(key));
    }

    public static bool IsSkill(string? skill) => !string.IsNullOrWhiteSpace(skill) && skill.Length <= MaxSkillLength;
}
