namespace AdaptiveMooc.Grains.Abstractions.Assessments;

/// <summary>
/// One item of a course's question bank, with its answer key: it never leaves the server before the
/// learner has answered it (learners get <see cref="DeliveredItem"/>). Validated by <see cref="QuestionValidator"/>,
/// graded by <see cref="QuestionGrader"/>.
/// </summary>
/// <param name="Id">1-64 characters of [a-z0-9-], unique in the course's bank.</param>
/// <param name="Kind">One of <see cref="QuestionKinds"/>.</param>
/// <param name="Prompt">The question, 1-4,000 characters of plain text.</param>
/// <param name="Skills">1-10 skills of the course the item exercises.</param>
/// <param name="Choices">Choice kinds: 2-20 choices.</param>
/// <param name="CorrectChoiceIds">Choice kinds: the correct choices (exactly one for single choice).</param>
/// <param name="Answer">Numeric: the answer.</param>
/// <param name="Tolerance">Numeric: the largest accepted absolute difference (0 when omitted).</param>
/// <param name="AcceptedAnswers">Short answer: texts accepted after trimming and collapsing spaces.</param>
/// <param name="Pattern">Short answer: a .NET regular expression the whole trimmed answer must match.</param>
/// <param name="CaseSensitive">Short answer: whether letter case matters.</param>
/// <param name="FeedbackCorrect">Shown after a correct answer.</param>
/// <param name="FeedbackIncorrect">Shown after a wrong answer.</param>
/// <param name="Explanation">Shown after any answer.</param>
[GenerateSerializer]
[Immutable]
[Alias("mooc.QuestionItem")]
public sealed record QuestionItem(
    [property: Id(0)] string Id,
    [property: Id(1)] string Kind,
    [property: Id(2)] string Prompt,
    [property: Id(3)] IReadOnlyList<string> Skills,
    [property: Id(4)] IReadOnlyList<QuestionChoice>? Choices = null,
    [property: Id(5)] IReadOnlyList<string>? CorrectChoiceIds = null,
    [property: Id(6)] double? Answer = null,
    [property: Id(7)] double? Tolerance = null,
    [property: Id(8)] IReadOnlyList<string>? AcceptedAnswers = null,
    [property: Id(9)] string? Pattern = null,
    [property: Id(10)] bool CaseSensitive = false,
    [property: Id(11)] string? FeedbackCorrect = null,
    [property: Id(12)] string? FeedbackIncorrect = null,
    [property: Id(13)] string? Explanation = null)
{
    /// <summary>What a learner sees before answering: no key, no feedback, no explanation.</summary>
    public DeliveredItem ToDelivered() => new(Id, Kind, Prompt, Skills, Choices ?? []);

    /// <summary>The correct answer in words, revealed after answering.</summary>
    public string CorrectAnswerText() => Kind switch
    {
        QuestionKinds.SingleChoice or QuestionKinds.MultipleResponse => string.Join(
            "; ", (Choices ?? []).Where(c => (CorrectChoiceIds ?? []).Contains(c.Id)).Select(c => c.Text)),
        QuestionKinds.Numeric => Tolerance is > 0
            ? FormattableString.Invariant($"{Answer} (± {Tolerance})")
            : FormattableString.Invariant($"{Answer}"),
        _ => AcceptedAnswers is { Count: > 0 } accepted ? string.Join("; ", accepted) : $"text matching {Pattern}",
    };
}
