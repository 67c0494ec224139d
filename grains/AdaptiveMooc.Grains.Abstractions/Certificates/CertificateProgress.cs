namespace AdaptiveMooc.Grains.Abstractions.Certificates;

/// <summary>A learner's progress in one course as the certificate rule reads it: completed lessons and
/// the best scaled score (0-1) per graded lesson.</summary>
[GenerateSerializer]
[Alias("mooc.certificate.progress")]
public sealed record CertificateProgress(
    [property: Id(0)] string LearnerId,
    [property: Id(1)] IReadOnlyCollection<string> CompletedLessonIds,
    [property: Id(2)] IReadOnlyDictionary<string, double> BestScoreByLesson,
    [property: Id(3)] DateTimeOffset AsOf);
