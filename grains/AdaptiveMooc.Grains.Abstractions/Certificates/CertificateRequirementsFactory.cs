using AdaptiveMooc.Grains.Abstractions.Courses;

namespace AdaptiveMooc.Grains.Abstractions.Certificates;

public static class CertificateRequirementsFactory
{
    /// <summary>
    /// The certificate rule of a course definition: its required lessons, its quizzes and assignments as
    /// graded lessons, its <c>certificate.passThreshold</c>. A course that names no certificate still
    /// gives a statement of accomplishment on completion (threshold 0). A course that marks no lesson
    /// required asks for all of them, as progress counts them (otherwise its first statement would earn it).
    /// </summary>
    public static CertificateRequirements From(CourseDefinition course)
    {
        ArgumentNullException.ThrowIfNull(course);
        var lessons = course.AllLessons().ToList();
        var required = lessons.Where(l => l.Required).ToList();
        if (required.Count == 0)
        {
            required = lessons;
        }

        return new CertificateRequirements(
            course.Id,
            course.Title,
            course.Pricing.Kind,
            course.Certificate?.Kind ?? CertificateRule.Statement,
            course.Certificate?.PassThreshold ?? 0,
            [.. required.Select(l => l.Id)],
            [.. lessons.Where(l => l.Kind is LessonKinds.Quiz or LessonKinds.Assignment).Select(l => l.Id)]);
    }
}
