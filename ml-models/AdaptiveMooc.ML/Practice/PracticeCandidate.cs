namespace AdaptiveMooc.ML.Practice;

/// <summary>An item the learner could practise next.</summary>
/// <param name="ItemId">The item.</param>
/// <param name="PCorrect">The knowledge-tracing model's probability that this learner answers it correctly now.</param>
/// <param name="TimesAnswered">How often the learner already answered it (fresh items are preferred).</param>
/// <param name="Discrimination">How well the item tells a learner who knows the skill from one who does not
/// (P(correct | known) − P(correct | not known), i.e. 1 − slip − guess); null when not measured.</param>
/// <param name="Learn">The item's fitted learning rate (P(an unknown skill becomes known) after answering it); null when not measured.</param>
public sealed record PracticeCandidate(string ItemId, double PCorrect, int TimesAnswered = 0, double? Discrimination = null, double? Learn = null);
