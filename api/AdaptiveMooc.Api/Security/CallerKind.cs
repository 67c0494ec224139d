namespace AdaptiveMooc.Api.Security;

public enum CallerKind
{
    Admin,
    Trainer,
    Learner,
    ApiKey,
}
