namespace AdaptiveMooc.Grains.Abstractions.Practice;

/// <summary>Knowledge tracing's view of a learner for practice: mastery of the skill, P(correct) per item asked about (in order) and the graded answers on the skill so far.</summary>
[GenerateSerializer]
[Immutable]
[Alias("mooc.PracticePrediction")]
public sealed record PracticePrediction(
    [property: Id(0)] double Mastery,
    [property: Id(1)] IReadOnlyList<double> PCorrect,
    [property: Id(2)] int Answers = 0)
{
    public bool Mastered => PracticeDefaults.IsMastered(Mastery, Answers);

    /// <summary>Mastered under a course's own threshold.</summary>
    public bool MasteredAt(double threshold) => PracticeDefaults.IsMastered(Mastery, Answers, threshold);
}
