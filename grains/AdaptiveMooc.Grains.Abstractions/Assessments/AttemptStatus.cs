namespace AdaptiveMooc.Grains.Abstractions.Assessments;

public static class AttemptStatus
{
    public const string InProgress = "in-progress";

    /// <summary>The time limit passed before submission; answering is closed, submitting grades what was answered in time.</summary>
    public const string Expired = "expired";

    public const string Submitted = "submitted";
}
