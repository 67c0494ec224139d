using AdaptiveMooc.ML.Events;

namespace AdaptiveMooc.ML.Oulad;

/// <summary>One registration and its events in time order (clicks and own, non-banked submissions).</summary>
public sealed record OuladLearnerHistory(OuladRegistration Registration, IReadOnlyList<LearningEvent> Events);
