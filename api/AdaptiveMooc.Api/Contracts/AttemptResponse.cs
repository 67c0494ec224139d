using System.Text.Json.Serialization;
using AdaptiveMooc.Grains.Abstractions.Assessments;

namespace AdaptiveMooc.Api.Contracts;

/// <summary>
/// One attempt as its learner sees it (docs/ASSESSMENTS.md): <c>id</c> (the attempt's number, used in <c>.../attempts/{id}/answers</c>
/// and <c>.../submission</c>), items without keys, <c>expiresAt</c> (the deadline, null without a time limit), and once answered the
/// feedback per item (<c>answers</c>, left out while nothing is answered), the score and whether it passed.
/// </summary>
public sealed record AttemptResponse(
    int Id,
    int Number,
    string Status,
    DateTimeOffset StartedAt,
    DateTimeOffset? Deadline,
    DateTimeOffset? ExpiresAt,
    DateTimeOffset? SubmittedAt,
    IReadOnlyList<DeliveredItem> Items,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<AnswerFeedback>? Answers,
    double? Score,
    bool? Passed)
{
    public static AttemptResponse From(AttemptView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        return new(view.Number, view.Number, view.Status, view.StartedAt, view.Deadline, view.Deadline, view.SubmittedAt, view.Items,
            view.Answers.Count == 0 ? null : view.Answers, view.Score, view.Passed);
    }
}
