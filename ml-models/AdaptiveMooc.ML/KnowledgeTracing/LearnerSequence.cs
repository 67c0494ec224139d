namespace AdaptiveMooc.ML.KnowledgeTracing;

/// <summary>One learner's answers in order.</summary>
internal sealed record LearnerSequence(string Id, IReadOnlyList<KtInteraction> Answers);
