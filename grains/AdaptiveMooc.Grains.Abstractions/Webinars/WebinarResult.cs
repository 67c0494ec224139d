namespace AdaptiveMooc.Grains.Abstractions.Webinars;

[GenerateSerializer]
[Alias("mooc.webinar.result")]
public sealed record WebinarResult(
    [property: Id(0)] WebinarOutcome Outcome,
    [property: Id(1)] WebinarView? Webinar)
{
    public bool IsOk => Outcome == WebinarOutcome.Ok;
}
