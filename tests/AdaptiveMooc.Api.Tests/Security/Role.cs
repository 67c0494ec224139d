namespace AdaptiveMooc.Api.Tests.Security;

/// <summary>The callers the access matrix tries on every route.</summary>
public enum Role
{
    Anonymous,
    LearnerSelf,
    OtherLearner,
    CourseTrainer,
    OtherTrainer,
    Admin,
    KeyWithScope,
    KeyWithoutScope,
}
