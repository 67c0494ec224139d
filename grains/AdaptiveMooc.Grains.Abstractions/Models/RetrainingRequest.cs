namespace AdaptiveMooc.Grains.Abstractions.Models;

/// <summary>Who starts a retraining run and how.</summary>
/// <param name="Trigger"><see cref="Scheduled"/> or <see cref="Manual"/>.</param>
/// <param name="RequestedBy">The admin's id, or the reminder.</param>
/// <param name="ShuffleLabels">A control run: candidates learn from shuffled labels and the gate must refuse them.</param>
/// <param name="TestWeeks">Weeks of the test window; null: Mooc:Retraining:TestWeeks.</param>
[GenerateSerializer]
[Alias("mooc.RetrainingRequest")]
public sealed record RetrainingRequest(
    [property: Id(0)] string Trigger,
    [property: Id(1)] string RequestedBy,
    [property: Id(2)] bool ShuffleLabels,
    [property: Id(3)] int? TestWeeks)
{
    public const string Scheduled = "scheduled";
    public const string Manual = "manual";
}
