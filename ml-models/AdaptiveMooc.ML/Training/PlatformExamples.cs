using AdaptiveMooc.ML.Pacing;

namespace AdaptiveMooc.ML.Training;

/// <summary>
/// The examples the platform's statements label (<see cref="DatabaseModelTrainer"/>): risk snapshots with
/// both labels, and pacing pairs, each with the instant its prediction is made (for time splits).
/// </summary>
internal sealed class PlatformExamples
{
    public List<float[]> RiskFeatures { get; } = [];

    public List<bool> Dropped { get; } = [];

    public List<bool> AtRisk { get; } = [];

    public List<DateTimeOffset> RiskAt { get; } = [];

    public List<PacingExample> Pacing { get; } = [];

    public List<DateTimeOffset> PacingAt { get; } = [];
}
