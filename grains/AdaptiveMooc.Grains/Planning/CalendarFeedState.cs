namespace AdaptiveMooc.Grains.Planning;

[GenerateSerializer]
[Alias("mooc.CalendarFeedState")]
internal sealed class CalendarFeedState
{
    [Id(0)]
    public string? LearnerId { get; set; }

    [Id(1)]
    public bool Revoked { get; set; }
}
