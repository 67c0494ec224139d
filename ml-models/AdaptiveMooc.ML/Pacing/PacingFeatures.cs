using AdaptiveMooc.ML.Risk;

namespace AdaptiveMooc.ML.Pacing;

/// <summary>Pacing model input: the learner vector followed by the assessment and its training prior.</summary>
public static class PacingFeatures
{
    public const int IsTutorMarked = RiskFeatures.Count;
    public const int Weight = RiskFeatures.Count + 1;
    public const int Position = RiskFeatures.Count + 2;
    public const int DueDay = RiskFeatures.Count + 3;
    public const int PriorMeanLateness = RiskFeatures.Count + 4;
    public const int PriorLateRate = RiskFeatures.Count + 5;
    public const int LearnerVsPrior = RiskFeatures.Count + 6;
    public const int BaselineLateness = RiskFeatures.Count + 7;
    public const int Count = RiskFeatures.Count + 8;

    public static IReadOnlyList<string> Names { get; } =
        [.. RiskFeatures.Names, "isTutorMarked", "weight", "position", "dueDay", "priorMeanLateness", "priorLateRate", "learnerVsPriorLateness", "baselineLateness"];

    /// <summary>
    /// The baseline of the protocol: the learner's mean lateness on earlier assessments, else the
    /// prior of the same assessment, else of its kind.
    /// </summary>
    public static double Baseline(float[] learner, PacingPrior prior)
    {
        ArgumentNullException.ThrowIfNull(learner);
        ArgumentNullException.ThrowIfNull(prior);
        var own = learner[RiskFeatures.MeanLateness];
        return float.IsNaN(own) ? prior.MeanLateness : own;
    }

    public static float[] Build(float[] learner, PacingContext context, PacingPrior prior)
    {
        ArgumentNullException.ThrowIfNull(learner);
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(prior);
        var f = new float[Count];
        Array.Copy(learner, f, RiskFeatures.Count);
        f[IsTutorMarked] = context.Kind.Equals("TMA", StringComparison.OrdinalIgnoreCase) || context.Kind.Equals("assignment", StringComparison.OrdinalIgnoreCase) ? 1 : 0;
        f[Weight] = (float)context.Weight;
        f[Position] = context.Position;
        f[DueDay] = context.DueDay;
        f[PriorMeanLateness] = (float)prior.MeanLateness;
        f[PriorLateRate] = (float)prior.LateOrMissingRate;
        var own = learner[RiskFeatures.MeanLateness];
        f[LearnerVsPrior] = float.IsNaN(own) ? float.NaN : own - (float)prior.MeanLateness;
        f[BaselineLateness] = (float)Baseline(learner, prior);
        return f;
    }
}
