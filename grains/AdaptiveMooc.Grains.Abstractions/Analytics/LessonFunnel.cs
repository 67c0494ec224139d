namespace AdaptiveMooc.Grains.Abstractions.Analytics;

[GenerateSerializer]
[Alias("mooc.LessonFunnel")]
public sealed record LessonFunnel(
    [property: Id(0)] string LessonId,
    [property: Id(1)] int Started,
    [property: Id(2)] int Completed);
