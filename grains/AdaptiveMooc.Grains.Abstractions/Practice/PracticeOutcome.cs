using AdaptiveMooc.Grains.Abstractions.Common;

namespace AdaptiveMooc.Grains.Abstractions.Practice;

/// <summary>The result of a practice call: the view when it succeeded.</summary>
[GenerateSerializer]
[Immutable]
[Alias("mooc.PracticeOutcome")]
public sealed record PracticeOutcome(
    [property: Id(0)] CommandResult Result,
    [property: Id(1)] PracticeView? View = null)
{
    public static PracticeOutcome Failed(CommandResult result) => new(result);
}
