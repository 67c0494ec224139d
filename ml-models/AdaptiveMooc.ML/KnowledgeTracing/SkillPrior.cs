namespace AdaptiveMooc.ML.KnowledgeTracing;

/// <summary>What training data says about one skill: answer counts and fitted BKT parameters.</summary>
public sealed class SkillPrior
{
    public int Attempts { get; set; }

    public int Correct { get; set; }

    public BktParameters Bkt { get; set; } = BktParameters.Default;
}
