using AdaptiveMooc.Grains.Abstractions.Assessments;

namespace AdaptiveMooc.Grains.Assessments;

[GenerateSerializer]
[Alias("mooc.QuestionBankState")]
internal sealed class QuestionBankState
{
    [Id(0)] public Dictionary<string, QuestionItem> Items { get; set; } = new(StringComparer.Ordinal);

    /// <summary>By lesson id.</summary>
    [Id(1)] public Dictionary<string, AssessmentDefinition> Assessments { get; set; } = new(StringComparer.Ordinal);
}
