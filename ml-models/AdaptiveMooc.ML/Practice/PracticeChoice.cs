namespace AdaptiveMooc.ML.Practice;

/// <summary>The item chosen for the learner and why.</summary>
/// <param name="ItemId">The chosen item.</param>
/// <param name="PCorrect">Its predicted probability of a correct answer.</param>
/// <param name="Placement">Where it lies against the desirable-difficulty band.</param>
/// <param name="Reason">The reason, in words for the learner.</param>
public sealed record PracticeChoice(string ItemId, double PCorrect, PracticePlacement Placement, string Reason);
