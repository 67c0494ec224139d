namespace AdaptiveMooc.ML.Events;

/// <summary>
/// What a statement keeps when its source may not grade (a learner's own token, docs/SECURITY.md "Grades and
/// their sources"): activity, never a result. The platform's progress rules and <c>train --from-db</c> share
/// this rule, so a model is never trained on grades the platform itself would not count.
/// </summary>
public static class GradeSource
{
    /// <summary>
    /// The verb, success and score a non-grading source's statement counts with: no success or score, and on a
    /// graded activity (a quiz, an assignment, an item) no verb completes or passes.
    /// </summary>
    /// <param name="verb">The statement's verb.</param>
    /// <param name="graded">Whether the activity is graded (a quiz or assignment lesson, or an item).</param>
    public static (LearningVerb Verb, bool? Success, double? ScoreScaled) Ungraded(LearningVerb verb, bool graded) =>
        (verb switch
        {
            LearningVerb.Passed => graded ? LearningVerb.Attempted : LearningVerb.Completed,
            LearningVerb.Failed => LearningVerb.Attempted,
            LearningVerb.Completed when graded => LearningVerb.Attempted,
            _ => verb,
        }, null, null);
}
