namespace AdaptiveMooc.Grains.Abstractions.Certificates;

/// <summary>
/// The certificate grain of a (learner, course) pair has a deterministic key, so a retried or replayed
/// evaluation reaches the same grain and can never issue a second certificate. Learner and course ids
/// are <c>[a-z0-9-]</c>, so '/' cannot occur in either.
/// </summary>
public static class CertificateKeys
{
    public static string For(string learnerId, string courseId) => $"{learnerId}/{courseId}";
}
