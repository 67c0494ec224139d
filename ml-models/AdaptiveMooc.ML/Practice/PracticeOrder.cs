namespace AdaptiveMooc.ML.Practice;

/// <summary>How a simulated practice session picks its next item.</summary>
public enum PracticeOrder
{
    /// <summary><see cref="PracticePolicy"/> on the learner's knowledge state.</summary>
    Adaptive,

    /// <summary>The skill's items in a fixed order (by item id, as a course would list them), cycling.</summary>
    Fixed,

    /// <summary>The skill's items shuffled for each learner, cycling.</summary>
    Random,
}
