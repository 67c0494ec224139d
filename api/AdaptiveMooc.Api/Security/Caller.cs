using System.Security.Claims;

namespace AdaptiveMooc.Api.Security;

/// <summary>
/// Who is calling, as every endpoint sees it. Built from the claims of whichever scheme authenticated
/// the request, so ownership rules are written once against this type. <see cref="Courses"/> limits an API key
/// to some courses (null: every course).
/// </summary>
public sealed record Caller(CallerKind Kind, string Id, IReadOnlySet<string> Scopes, IReadOnlySet<string>? Courses = null)
{
    public bool IsAdmin => Kind == CallerKind.Admin;

    public bool IsTrainer => Kind == CallerKind.Trainer;

    public bool IsLearner => Kind == CallerKind.Learner;

    public bool IsApiKey => Kind == CallerKind.ApiKey;

    public bool HasScope(string scope) => IsAdmin || (IsApiKey && Scopes.Contains(scope));

    /// <summary>False only for an API key limited to other courses.</summary>
    public bool CoversCourse(string courseId) => Courses is null || Courses.Contains(courseId);

    /// <summary>True when this caller is the learner with that id (not an admin acting for them).</summary>
    public bool IsLearnerSelf(string learnerId) => IsLearner && string.Equals(Id, learnerId, StringComparison.Ordinal);

    public static Caller From(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var kindText = user.FindFirstValue(MoocClaims.Kind);
        if (!Enum.TryParse<CallerKind>(kindText, ignoreCase: true, out var kind))
        {
            throw new InvalidOperationException("The request was authenticated without a caller kind claim.");
        }

        var id = user.FindFirstValue(MoocClaims.Subject) ?? string.Empty;
        var scopes = user.FindAll(MoocClaims.Scope)
            .SelectMany(c => c.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .ToHashSet(StringComparer.Ordinal);
        var courses = user.FindAll(MoocClaims.Course).Select(c => c.Value).ToHashSet(StringComparer.Ordinal);
        return new Caller(kind, id, scopes, courses.Count == 0 ? null : courses);
    }
}
