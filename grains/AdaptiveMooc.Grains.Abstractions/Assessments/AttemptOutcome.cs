using AdaptiveMooc.Grains.Abstractions.Common;

namespace AdaptiveMooc.Grains.Abstractions.Assessments;

/// <summary>The answer of an attempt command: <see cref="Result"/>, and on success the attempt (and, for an answer, its feedback).</summary>
/// <param name="Resumed">Start found an attempt in progress and gave it back instead of starting one.</param>
[GenerateSerializer]
[Immutable]
[Alias("mooc.AttemptOutcome")]
public sealed record AttemptOutcome(
    [property: Id(0)] CommandResult Result,
    [property: Id(1)] AttemptView? Attempt = null,
    [property: Id(2)] AnswerFeedback? Feedback = null,
    [property: Id(3)] bool Resumed = false)
{
    public static AttemptOutcome Failed(CommandResult result) => new(result);
}
