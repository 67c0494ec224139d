using AdaptiveMooc.Grains.Abstractions.Courses;

namespace AdaptiveMooc.Grains.Abstractions.Certificates;

public static class CertificateRequirementsFactory
{
    /// <summary>
    /// The certificate rule of a course definition: its required lessons, its quizzes and assignments as
    /// graded lessons, its <c>certificate.passThreshold</c>. A course that names no certificate still
    /// gives a statement of accomplishment on completion (threshold 0).
    /// </summary>
    public static CertificateRequirements From(CourseDefinition course)
    {
        ArgumentNullException.ThrowIfNull(course);
        var lessons = course.AllLessons().ToList();
        return new CertificateRequirements(
            course.Id,
            course.Title,
            course.Pricing.Kind,
            course.Certificate?.Kind ?? CertificateRule.Statement,
            course.Certificate?.PassThreshold ?? 0,
            [.. lessons.Where(l => l.Required).Select(l => l.Id)],
            [.. lessons.Where(l => l.Kind is LessonKinds.Quiz or LessonKinds.Assignment).Select(l => l.Id)]);
    }
}
