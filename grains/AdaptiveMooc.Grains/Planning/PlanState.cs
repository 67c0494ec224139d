using AdaptiveMooc.Grains.Abstractions.Planning;

namespace AdaptiveMooc.Grains.Planning;

/// <summary>The last plan and what it was computed from; bounded by the weeks a plan may span.</summary>
[GenerateSerializer]
[Alias("mooc.PlanState")]
internal sealed class PlanState
{
    [Id(0)]
    public LearningPlan? Plan { get; set; }

    /// <summary>Everything the plan depends on except the clock; a different key means recompute.</summary>
    [Id(1)]
    public string? InputsKey { get; set; }
}
