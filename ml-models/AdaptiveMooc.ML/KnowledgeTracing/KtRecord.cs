namespace AdaptiveMooc.ML.KnowledgeTracing;

/// <summary>One student's record of a knowledge-tracing file, rows as stored (nothing merged).</summary>
/// <param name="Index">0-based position of the record in its file.</param>
/// <param name="User">The user field of the 4-line format (first field of line 1), null for 3-line formats.</param>
/// <param name="ProblemIds">Problem id per row (4-line format only).</param>
/// <param name="SkillIds">Skill id per row.</param>
/// <param name="Correct">Answer per row.</param>
public sealed record KtRecord(
    int Index,
    string? User,
    IReadOnlyList<string>? ProblemIds,
    IReadOnlyList<string> SkillIds,
    IReadOnlyList<bool> Correct);
