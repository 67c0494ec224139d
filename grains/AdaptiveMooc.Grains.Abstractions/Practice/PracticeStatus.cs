namespace AdaptiveMooc.Grains.Abstractions.Practice;

/// <summary>Values of <see cref="PracticeView.Status"/>.</summary>
public static class PracticeStatus
{
    /// <summary>An item is waiting for the learner's answer.</summary>
    public const string Practising = "practising";

    /// <summary>Mastery reached the threshold: practice of the skill is over.</summary>
    public const string Mastered = "mastered";

    /// <summary>The question bank holds no item tagged with the skill.</summary>
    public const string NoItems = "no-items";
}
