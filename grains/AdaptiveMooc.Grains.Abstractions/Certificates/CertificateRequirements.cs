namespace AdaptiveMooc.Grains.Abstractions.Certificates;

/// <summary>
/// What a course asks for a certificate, taken from its definition: every required lesson completed and
/// the mean best score over its graded lessons (quizzes, assignments) at or above <see cref="PassThreshold"/>.
/// <see cref="PricingKind"/> is <c>free</c> or <c>paid</c>; <see cref="CertificateKind"/> is
/// <c>statement</c>, <c>certificate</c> or <c>diploma</c> (a free course only ever gives a statement).
/// </summary>
[GenerateSerializer]
[Alias("mooc.certificate.requirements")]
public sealed record CertificateRequirements(
    [property: Id(0)] string CourseId,
    [property: Id(1)] string CourseTitle,
    [property: Id(2)] string PricingKind,
    [property: Id(3)] string CertificateKind,
    [property: Id(4)] double PassThreshold,
    [property: Id(5)] IReadOnlyList<string> RequiredLessonIds,
    [property: Id(6)] IReadOnlyList<string> GradedLessonIds);
