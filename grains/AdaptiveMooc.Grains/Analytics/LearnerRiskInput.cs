namespace AdaptiveMooc.Grains.Analytics;

/// <summary>A learner's raw risk features (<see cref="ML.Risk.RiskFeatures.Raw"/>) at course day <paramref name="Day"/>.</summary>
internal sealed record LearnerRiskInput(string LearnerId, int Day, float[] Raw);
