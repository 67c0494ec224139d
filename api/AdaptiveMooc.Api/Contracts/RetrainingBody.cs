namespace AdaptiveMooc.Api.Contracts;

/// <summary>Options of an admin-started retraining run (the body may be empty).</summary>
/// <param name="ShuffleLabels">A control run: candidates learn from shuffled labels, so the gate must refuse them.</param>
/// <param name="TestWeeks">Weeks of the test window (1-52); default Mooc:Retraining:TestWeeks.</param>
public sealed record RetrainingBody(bool? ShuffleLabels, int? TestWeeks);
