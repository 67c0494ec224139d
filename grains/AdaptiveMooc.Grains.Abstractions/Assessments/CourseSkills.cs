using AdaptiveMooc.Grains.Abstractions.Courses;

namespace AdaptiveMooc.Grains.Abstractions.Assessments;

/// <summary>The skills of a course: every skill its lessons and their items name.</summary>
public static class CourseSkills
{
    public static IReadOnlySet<string> Of(CourseDefinition course)
    {
        ArgumentNullException.ThrowIfNull(course);
        var skills = new HashSet<string>(StringComparer.Ordinal);
        foreach (var lesson in course.AllLessons())
        {
            skills.UnionWith(lesson.Skills ?? []);
            skills.UnionWith(lesson.Pool?.Skills ?? []);
            foreach (var item in lesson.Items ?? [])
            {
                skills.UnionWith(item.Skills ?? []);
            }
        }

        return skills;
    }
}
