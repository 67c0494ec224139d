using AdaptiveMooc.Grains.Abstractions.Certificates;
using AdaptiveMooc.Grains.Abstractions.Courses;

namespace AdaptiveMooc.Grains.Tests.Certificates;

public sealed class CertificateRequirementsTests
{
    [Fact]
    public void Required_lessons_are_the_ones_marked_required()
    {
        var rule = CertificateRequirementsFactory.From(TestData.Course("c1"));

        Assert.Equal(["l1", "l2"], rule.RequiredLessonIds);
    }

    [Fact]
    public void A_course_that_marks_no_lesson_required_asks_for_all_of_them_as_progress_does()
    {
        var course = TestData.Course("c2");
        var optional = course with
        {
            Modules = [.. (course.Modules ?? []).Select(m => m with { Lessons = [.. (m.Lessons ?? []).Select(l => l with { Required = false })] })],
        };

        var rule = CertificateRequirementsFactory.From(optional);

        Assert.Equal(["l1", "l2", "l3"], rule.RequiredLessonIds);
    }
}
