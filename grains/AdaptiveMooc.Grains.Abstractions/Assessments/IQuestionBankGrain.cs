using AdaptiveMooc.Grains.Abstractions.Common;
using AdaptiveMooc.Grains.Abstractions.Courses;
using Orleans.Concurrency;

namespace AdaptiveMooc.Grains.Abstractions.Assessments;

/// <summary>
/// A course's question bank and the assessment definitions of its quiz and assignment lessons, keyed by
/// the course id. Access is checked at the API (the course's trainers and admins author; attempts read
/// through <see cref="Draw"/>). Items carry their keys: never hand them to a learner unanswered.
/// </summary>
[Alias("mooc.IQuestionBankGrain")]
public interface IQuestionBankGrain : IGrainWithStringKey
{
    /// <summary>At most this many items per course.</summary>
    public const int MaxItems = 2000;

    /// <summary>Created when the id is new (Conflict when <paramref name="mustBeNew"/> and it exists); Invalid naming the field; NotFound without the course.</summary>
    [Alias("Save")]
    Task<CommandResult> Save(QuestionItem item, bool mustBeNew);

    /// <summary>NotFound when absent; Conflict while a lesson's fixed list (set here or in the course definition) names the item.</summary>
    [Alias("Remove")]
    Task<CommandResult> Remove(string itemId);

    [ReadOnly]
    [Alias("Get")]
    Task<QuestionItem?> Get(string itemId);

    /// <summary>Items ordered by id, after <paramref name="afterId"/>, optionally only those tagged <paramref name="skill"/>.</summary>
    [ReadOnly]
    [Alias("List")]
    Task<IReadOnlyList<QuestionItem>> List(string? skill, string? afterId, int limit);

    /// <summary>Sets how a quiz or assignment lesson of the course draws items (Invalid naming the field; NotFound for another lesson kind or an unknown lesson).</summary>
    [Alias("SetAssessment")]
    Task<CommandResult> SetAssessment(string lessonId, AssessmentDefinition definition);

    /// <summary>The lesson's assessment: the one set for it, else what the course definition's lesson says (<see cref="AssessmentDefinition.FromLesson"/>).</summary>
    [ReadOnly]
    [Alias("GetAssessment")]
    Task<AssessmentDefinition?> GetAssessment(string lessonId);

    /// <summary>
    /// Whether <paramref name="definition"/> may be published against this bank: every item a quiz or assignment lists
    /// is in the bank and every pool finds enough items. Null when it may; otherwise Conflict naming the first
    /// lesson's field and, in the detail, every missing item id.
    /// </summary>
    [ReadOnly]
    [Alias("CheckPublishable")]
    Task<CommandResult?> CheckPublishable(CourseDefinition definition);

    /// <summary>The items of one new attempt: the fixed list in order, or each pool's items drawn with <paramref name="seed"/>. Null without a definition.</summary>
    [ReadOnly]
    [Alias("Draw")]
    Task<AssessmentDraw?> Draw(string lessonId, int seed);
}
