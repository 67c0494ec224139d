namespace AdaptiveMooc.ML.Events;

/// <summary>The ADL verbs the platform interprets (http://adlnet.gov/expapi/verbs/...).</summary>
public enum LearningVerb
{
    Other = 0,
    Launched,
    Experienced,
    Progressed,
    Completed,
    Passed,
    Failed,
    Answered,
    Attempted,
    Attended,
    Commented,
}
