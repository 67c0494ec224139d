using AdaptiveMooc.Grains.Abstractions.Assessments;

namespace AdaptiveMooc.Grains.Abstractions.Practice;

/// <summary>
/// A learner's practice of one skill: the item to answer now (without its key) and why it was chosen,
/// or that the skill is mastered; the mastery now, the threshold and the feedback on the last answer.
/// </summary>
/// <param name="Skill">The skill practised.</param>
/// <param name="Status">One of <see cref="PracticeStatus"/>.</param>
/// <param name="Mastery">Knowledge tracing's P(correct) on the skill now.</param>
/// <param name="Threshold">Practice stops when <paramref name="Mastery"/> reaches this.</param>
/// <param name="BandLow">Lower edge of the desirable-difficulty band (predicted P(correct)).</param>
/// <param name="BandHigh">Upper edge of the band.</param>
/// <param name="Item">The item to answer (no key), null unless practising.</param>
/// <param name="PCorrect">The learner's predicted chance of answering <paramref name="Item"/> correctly.</param>
/// <param name="Placement"><c>in-band</c>, <c>below-band</c> (every item was harder) or <c>above-band</c> (every item was easier).</param>
/// <param name="Reason">Why this item, in words.</param>
/// <param name="Answered">Practice answers given on the skill.</param>
/// <param name="Correct">Of which correct.</param>
/// <param name="LastFeedback">Feedback on the latest answer (right or wrong, explanation, the key), null before any.</param>
/// <param name="MasteryBefore">Mastery before the latest answer, null before any.</param>
[GenerateSerializer]
[Immutable]
[Alias("mooc.PracticeView")]
public sealed record PracticeView(
    [property: Id(0)] string Skill,
    [property: Id(1)] string Status,
    [property: Id(2)] double Mastery,
    [property: Id(3)] double Threshold,
    [property: Id(4)] double BandLow,
    [property: Id(5)] double BandHigh,
    [property: Id(6)] DeliveredItem? Item,
    [property: Id(7)] double? PCorrect,
    [property: Id(8)] string? Placement,
    [property: Id(9)] string? Reason,
    [property: Id(10)] int Answered,
    [property: Id(11)] int Correct,
    [property: Id(12)] AnswerFeedback? LastFeedback,
    [property: Id(13)] double? MasteryBefore);
