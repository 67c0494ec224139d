using AdaptiveMooc.Grains.Abstractions.Statements;

namespace AdaptiveMooc.Grains.Statements;

/// <summary>The statements one append added for one learner, with that learner's latest sequence before them.</summary>
internal sealed record LearnerBatch(string LearnerId, long PreviousSequence, IReadOnlyList<StoredStatement> Statements);
