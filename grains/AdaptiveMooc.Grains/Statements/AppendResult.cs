using AdaptiveMooc.Grains.Abstractions.Statements;

namespace AdaptiveMooc.Grains.Statements;

internal sealed record AppendResult(IngestStatus Status, Guid? ConflictingId, IReadOnlyList<LearnerBatch> NewByLearner);
