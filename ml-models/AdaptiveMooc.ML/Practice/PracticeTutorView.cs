namespace AdaptiveMooc.ML.Practice;

/// <summary>The tutor's estimates of a skill, fitted on learners other than the simulated ones (see <see cref="PracticeSkill.Tutor"/>).</summary>
/// <param name="Init">The estimated P(known) before the first answer.</param>
/// <param name="Items">The estimated item rates, in the order of <see cref="PracticeSkill.Items"/>.</param>
public sealed record PracticeTutorView(double Init, IReadOnlyList<PracticeItem> Items);
