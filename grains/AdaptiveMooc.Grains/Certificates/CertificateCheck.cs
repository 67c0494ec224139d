using AdaptiveMooc.Grains.Abstractions.Certificates;

namespace AdaptiveMooc.Grains.Certificates;

/// <summary>The course rule as pure functions (unit-tested without a cluster).</summary>
internal static class CertificateCheck
{
    /// <summary>
    /// Required lessons not yet completed, and the mean of the best scaled score over graded lessons
    /// (a graded lesson without any score counts 0; a course without graded lessons has mean 1).
    /// </summary>
    public static (IReadOnlyList<string> Missing, double MeanScore) Evaluate(CertificateProgress progress, CertificateRequirements requirements)
    {
        var completed = progress.CompletedLessonIds.ToHashSet(StringComparer.Ordinal);
        var missing = requirements.RequiredLessonIds.Where(l => !completed.Contains(l)).Distinct(StringComparer.Ordinal).ToList();
        var graded = requirements.GradedLessonIds.Distinct(StringComparer.Ordinal).ToList();
        var mean = graded.Count == 0
            ? 1.0
            : graded.Average(l => progress.BestScoreByLesson.TryGetValue(l, out var s) ? Math.Clamp(s, 0, 1) : 0);
        return (missing, mean);
    }

    /// <summary>A free course gives a statement of accomplishment; a paid one what its rule names.</summary>
    public static string KindFor(CertificateRequirements requirements) =>
        requirements.PricingKind == "paid" && requirements.CertificateKind is "certificate" or "diploma"
            ? requirements.CertificateKind
            : "statement";
}
