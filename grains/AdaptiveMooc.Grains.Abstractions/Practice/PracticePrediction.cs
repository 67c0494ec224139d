namespace AdaptiveMooc.Grains.Abstractions.Practice;

/// <summary>Knowledge tracing's view of a learner for practice: mastery of the skill and P(correct) per item asked about, in order.</summary>
[GenerateSerializer]
[Immutable]
[Alias("mooc.PracticePrediction")]
public sealed record PracticePrediction(
    [property: Id(0)] double Mastery,
    [property: Id(1)] IReadOnlyList<double> PCorrect);
