namespace AdaptiveMooc.Silo.Tests.TestGrains;

[GenerateSerializer]
[Alias("AdaptiveMooc.Silo.Tests.DurableCounterState")]
public sealed class DurableCounterState
{
    [Id(0)]
    public int Count { get; set; }

    [Id(1)]
    public int Ticks { get; set; }
}
