using AdaptiveMooc.Grains.Abstractions.Assessments;
using Orleans.Concurrency;

namespace AdaptiveMooc.Grains.Abstractions.Practice;

/// <summary>
/// One learner's practice of one skill of a course, keyed by <see cref="PracticeKeys.Of"/>
/// (docs/PRACTICE.md). The next item comes from the course's question bank items tagged with the skill,
/// chosen by the practice policy from knowledge tracing's P(correct) for the learner (aiming at the
/// desirable-difficulty band, with the reason in words); answers are graded by the platform and
/// recorded as <c>answered</c> statements with the platform as grader, so mastery moves exactly as it does
/// for quiz answers. Practice stops when mastery reaches <see cref="PracticeDefaults.MasteryThreshold"/>
/// after at least <see cref="PracticeDefaults.MinimumAnswers"/> graded answers on the skill.
/// The caller (the API) checks that the learner is enrolled.
/// </summary>
[Alias("mooc.IPracticeGrain")]
public interface IPracticeGrain : IGrainWithStringKey
{
    /// <summary>The item to answer now (the one waiting, or a new choice), or Mastered / NoItems. NotFound when the skill is not one of the course's.</summary>
    [Alias("Next")]
    Task<PracticeOutcome> Next();

    /// <summary>Grades the answer to the waiting item. Conflict when <paramref name="itemId"/> is not the item waiting; Invalid naming choiceIds, number or text.</summary>
    [Alias("Answer")]
    Task<PracticeOutcome> Answer(string itemId, ItemAnswer answer);

    /// <summary>The practice as it stands, without choosing anything.</summary>
    [ReadOnly]
    [Alias("Get")]
    Task<PracticeView> Get();
}
