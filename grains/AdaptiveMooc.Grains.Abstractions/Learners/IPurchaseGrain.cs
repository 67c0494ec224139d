namespace AdaptiveMooc.Grains.Abstractions.Learners;

/// <summary>A purchase id, recorded once: it pays for exactly one (learner, course) enrolment.</summary>
[Alias("mooc.IPurchaseGrain")]
public interface IPurchaseGrain : IGrainWithStringKey
{
    /// <summary>True when the purchase is now (or already was) used for this learner and course.</summary>
    [Alias("Claim")]
    Task<bool> Claim(string learnerId, string courseId);
}
