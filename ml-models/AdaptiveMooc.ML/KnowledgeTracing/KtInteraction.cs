using AdaptiveMooc.ML.Events;

namespace AdaptiveMooc.ML.KnowledgeTracing;

/// <summary>An answered item as knowledge tracing sees a <see cref="LearningEvent"/>.</summary>
internal readonly record struct KtInteraction(string Item, IReadOnlyList<string> Skills, bool Correct)
{
    /// <summary>Answered events with a known outcome and something to attach it to.</summary>
    public static bool IsAnswer(LearningEvent evt) =>
        evt.Verb == LearningVerb.Answered && evt.Success.HasValue && (evt.ItemId is not null || evt.Skills.Count > 0);

    public static KtInteraction From(LearningEvent evt)
    {
        var item = evt.ItemId ?? "skills:" + string.Join('+', evt.Skills);
        IReadOnlyList<string> skills = evt.Skills.Count > 0 ? evt.Skills : [item];
        return new KtInteraction(item, skills, evt.Success ?? false);
    }

    public static KtInteraction Target(IReadOnlyList<string> skills, string? itemId)
    {
        var item = itemId ?? "skills:" + string.Join('+', skills);
        return new KtInteraction(item, skills.Count > 0 ? skills : [item], false);
    }
}
