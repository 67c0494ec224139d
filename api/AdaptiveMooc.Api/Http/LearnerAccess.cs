using AdaptiveMooc.Api.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AdaptiveMooc.Api.Http;

/// <summary>
/// Who may touch a learner's data: the learner, admins, and API keys holding the scope the route
/// names. Another learner gets 404 (the learner's existence is private); anyone else 403.
/// </summary>
internal static class LearnerAccess
{
    public static ProblemHttpResult? Check(Caller caller, string learnerId, string? scope = null)
    {
        if (caller.IsAdmin || caller.IsLearnerSelf(learnerId) || (scope is not null && caller.HasScope(scope)))
        {
            return null;
        }

        return caller.IsLearner
            ? Problems.NotFound($"Learner '{learnerId}' does not exist.")
            : Problems.Forbidden($"This caller may not access learner '{learnerId}'.");
    }

    /// <summary>Admins and API keys (importers) may state instants in the past; everyone else acts now.</summary>
    public static bool MayBackdate(Caller caller) => caller.IsAdmin || caller.IsApiKey;
}
