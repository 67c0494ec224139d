namespace AdaptiveMooc.ML.Practice;

/// <summary>A skill's fitted learning parameters and its items, as the practice simulation uses them.</summary>
/// <param name="Id">Skill id.</param>
/// <param name="Init">P(known) before the first answer.</param>
/// <param name="Learn">P(an unknown skill becomes known) per answer.</param>
/// <param name="Learners">Learners who answered on the skill in the data (the weight of the skill in the simulation).</param>
/// <param name="Items">Items with fitted guess and slip rates: how the simulated learners answer and learn.</param>
/// <param name="Tutor">What the tutor believes (the policy's and the mastery estimate's parameters): <see cref="Items"/>' ids in the same
/// order with rates fitted on other learners (<c>bench practice --holdout</c>), and the skill's P(init) from that fit; null when the tutor
/// knows the learners' own rates.</param>
public sealed record PracticeSkill(string Id, double Init, double Learn, int Learners, IReadOnlyList<PracticeItem> Items, PracticeTutorView? Tutor = null)
{
    public IReadOnlyList<PracticeItem> TutorItems => Tutor?.Items ?? Items;

    public double TutorInit => Tutor?.Init ?? Init;
}

