using AdaptiveMooc.Grains.Abstractions.Courses;

namespace AdaptiveMooc.Grains.Courses;

[GenerateSerializer]
[Alias("mooc.CourseState")]
internal sealed class CourseState
{
    [Id(0)] public CourseDefinition? Definition { get; set; }

    [Id(1)] public string OwnerTrainerId { get; set; } = string.Empty;

    [Id(2)] public List<string> CoTrainerIds { get; set; } = [];

    [Id(3)] public DateTimeOffset? PublishedAt { get; set; }

    [Id(4)] public DateTimeOffset CreatedAt { get; set; }

    [Id(5)] public DateTimeOffset UpdatedAt { get; set; }

    [Id(6)] public int Version { get; set; }

    /// <summary>The next version while trainers edit a published course; learners keep <see cref="Definition"/>.</summary>
    [Id(7)] public CourseDefinition? Draft { get; set; }

    /// <summary>Number of the published <see cref="Definition"/>; 0 before publication (and in state written before versions existed: read as 1 once published).</summary>
    [Id(8)] public int PublishedVersion { get; set; }
}
