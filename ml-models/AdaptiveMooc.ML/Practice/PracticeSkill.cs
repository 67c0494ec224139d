namespace AdaptiveMooc.ML.Practice;

/// <summary>A skill's fitted learning parameters and its items, as the practice simulation uses them.</summary>
/// <param name="Id">Skill id.</param>
/// <param name="Init">P(known) before the first answer.</param>
/// <param name="Learn">P(an unknown skill becomes known) per answer.</param>
/// <param name="Learners">Learners who answered on the skill in the data (the weight of the skill in the simulation).</param>
/// <param name="Items">Items with fitted guess and slip rates.</param>
public sealed record PracticeSkill(string Id, double Init, double Learn, int Learners, IReadOnlyList<PracticeItem> Items);
