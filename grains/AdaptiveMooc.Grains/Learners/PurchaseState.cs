namespace AdaptiveMooc.Grains.Learners;

[GenerateSerializer]
[Alias("mooc.PurchaseState")]
internal sealed class PurchaseState
{
    [Id(0)] public string? LearnerId { get; set; }

    [Id(1)] public string? CourseId { get; set; }
}
