namespace AdaptiveMooc.ML.Practice;

/// <summary>
/// The desirable-difficulty band of practice: items the learner should answer correctly with a
/// probability between <paramref name="Low"/> and <paramref name="High"/> (hard enough to be worth
/// the effort, easy enough to succeed most of the time), aiming at <paramref name="Target"/> inside it.
/// </summary>
public sealed record PracticeBand(double Low, double High, double Target)
{
    /// <summary>P(correct) 0.60–0.85, aiming at the middle.</summary>
    public static PracticeBand Default { get; } = new(0.60, 0.85, 0.725);

    /// <summary>Below this or above <see cref="FarAbove"/> an item is far from the learner's level.</summary>
    public const double FarBelow = 0.40;

    /// <summary>See <see cref="FarBelow"/>.</summary>
    public const double FarAbove = 0.95;

    public bool Contains(double pCorrect) => pCorrect >= Low && pCorrect <= High;

    public static bool IsFar(double pCorrect) => pCorrect < FarBelow || pCorrect > FarAbove;

    /// <summary>Null when the band is usable; otherwise what is wrong with it.</summary>
    public string? Problem() =>
        double.IsNaN(Low) || double.IsNaN(High) || double.IsNaN(Target) || Low <= 0 || High >= 1 || Low >= High
            ? "the band needs 0 < low < high < 1"
            : Target < Low || Target > High ? "the target must lie inside the band" : null;
}
