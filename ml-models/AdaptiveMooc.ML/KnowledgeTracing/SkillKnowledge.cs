namespace AdaptiveMooc.ML.KnowledgeTracing;

/// <summary>A learner's history on one skill, as aggregates (constant size whatever the number of answers).</summary>
public sealed class SkillKnowledge
{
    public int Attempts { get; set; }

    public int Correct { get; set; }

    /// <summary>Consecutive correct answers (positive) or wrong answers (negative) ending with the last one.</summary>
    public int Streak { get; set; }

    public bool LastCorrect { get; set; }

    /// <summary>The learner's answer count when this skill was last practised (recency in answers).</summary>
    public int LastStep { get; set; }

    /// <summary>Exponentially weighted recent success on the skill.</summary>
    public double Recent { get; set; }

    /// <summary>Sum over answers on the skill of (answer − expected from the item's training rate).</summary>
    public double Residual { get; set; }

    /// <summary>Elo ability on this skill, added to the learner's overall ability.</summary>
    public double Ability { get; set; }

    /// <summary>BKT posterior P(known) after the answers so far.</summary>
    public double Mastery { get; set; }
}
