namespace AdaptiveMooc.Silo.Tests.TestGrains;

/// <summary>A test-only grain whose state and reminder must outlive the cluster that created them.</summary>
[Alias("AdaptiveMooc.Silo.Tests.IDurableCounterGrain")]
public interface IDurableCounterGrain : IGrainWithStringKey
{
    [Alias("Increment")]
    Task<int> IncrementAsync();

    [Alias("Get")]
    Task<int> GetAsync();

    [Alias("StartTicking")]
    Task StartTickingAsync();

    [Alias("StopTicking")]
    Task StopTickingAsync();

    [Alias("IsTicking")]
    Task<bool> IsTickingAsync();

    [Alias("Ticks")]
    Task<int> GetTicksAsync();
}
