using AdaptiveMooc.Grains.Abstractions.Courses;

namespace AdaptiveMooc.Grains.Courses;

[GenerateSerializer]
[Alias("mooc.CourseVersionState")]
internal sealed class CourseVersionState
{
    [Id(0)] public CourseVersion? Version { get; set; }
}
