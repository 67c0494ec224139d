using System.Text.Json;
using AdaptiveMooc.Api.Http;
using AdaptiveMooc.Api.Security;
using AdaptiveMooc.Grains.Abstractions.Certificates;
using AdaptiveMooc.Grains.Abstractions.Common;
using AdaptiveMooc.Grains.Abstractions.Courses;
using AdaptiveMooc.Grains.Abstractions.Learners;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AdaptiveMooc.Api.Endpoints;

/// <summary>
/// Certificates: public verification (signature checked against the published key, revocation shown),
/// revocation by the course's trainers, a learner's list, and an explicit evaluation of the course rule.
/// </summary>
public static class CertificateEndpoints
{
    public static IEndpointRouteBuilder MapCertificateEndpoints(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var certificates = app.MapGroup("/api/certificates").WithTags("Certificates");
        certificates.MapGet("/{certificateId}", Get).AllowAnonymous().WithName("VerifyCertificate");
        certificates.MapPost("/{certificateId}/revocation", Revoke).WithName("RevokeCertificate");
        certificates.MapGet("/status-lists/{listId}", GetStatusList).AllowAnonymous().WithName("GetCertificateStatusList");
        app.MapGet("/api/learners/{learnerId}/certificates", ListForLearner).WithTags("Certificates").WithName("ListLearnerCertificates");
        app.MapPost("/api/learners/{learnerId}/courses/{courseId}/certificate", Evaluate).WithTags("Certificates").WithName("EvaluateCertificate");

        return app;
    }

    /// <summary>The key cache that verification and the JWKS document read.</summary>
    public static IServiceCollection AddCertificateKeys(this IServiceCollection services)
    {
        services.AddSingleton<CertificateKeyCache>();
        services.AddHostedService(sp => sp.GetRequiredService<CertificateKeyCache>());

        // The certificate issuer's key is published beside the token signing key at /.well-known/jwks.json.
        services.AddSingleton<IPublicKeySource>(sp => sp.GetRequiredService<CertificateKeyCache>());
        return services;
    }

    public sealed record RevocationRequest(string? Reason);

    /// <summary><c>valid</c>: the signature verifies with the published key and the certificate is not revoked.</summary>
    public sealed record CertificateResponse(
        Guid Id, string LearnerId, string CourseId, string Kind, DateTimeOffset IssuedAt, bool Revoked,
        string? RevocationReason, DateTimeOffset? RevokedAt, JsonElement Credential, string Jwt, bool Valid,
        VerificationResponse Verification, IssuerResponse Issuer);

    /// <summary>
    /// Who issued the certificate, as the signed credential says (its OB 3.0 issuer Profile): the course's
    /// provider with its accreditation, or the platform for a course without a provider.
    /// </summary>
    public sealed record IssuerResponse(string Id, string Name, string? Url, string? Accreditation, string? Country, string? LogoUrl);

    /// <summary><c>status</c>: <c>valid</c>, <c>revoked</c> or <c>invalid-signature</c>.</summary>
    public sealed record VerificationResponse(string Status, bool SignatureValid, string? KeyId, string JwksUrl, DateTimeOffset CheckedAt);

    public sealed record EvaluationResponse(
        bool Eligible, bool NewlyIssued, IReadOnlyList<string> MissingLessons, double MeanScore, double PassThreshold,
        CertificateResponse? Certificate);

    /// <summary>
    /// A revocation status list as a signed <c>BitstringStatusListCredential</c> (VC-JWT, verifiable with
    /// /.well-known/jwks.json): what a certificate's <c>credentialStatus.statusListCredential</c> points to.
    /// </summary>
    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> GetStatusList(string listId, IGrainFactory grains)
    {
        if (!int.TryParse(listId, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var list)
            || list >= StatusLists.MaxLists || listId.Length > 3)
        {
            return TypedResults.Problem(title: "Not found", detail: $"Status list '{listId}' does not exist.", statusCode: StatusCodes.Status404NotFound);
        }

        var jwt = await grains.GetGrain<IStatusListGrain>(list).GetCredentialAsync();
        return TypedResults.Content(jwt, "application/vc+jwt");
    }

    private static async Task<IResult> Get(string certificateId, IGrainFactory grains, CertificateKeyCache keys)
    {
        var certificate = await FindAsync(grains, certificateId);
        return certificate is null
            ? Problems.NotFound($"Certificate '{certificateId}' does not exist.")
            : TypedResults.Ok(await ToResponseAsync(keys, certificate));
    }

    private static async Task<IResult> Revoke(string certificateId, RevocationRequest? request, HttpContext context, IGrainFactory grains, CertificateKeyCache keys)
    {
        var certificate = await FindAsync(grains, certificateId);
        if (certificate is null)
        {
            return Problems.NotFound($"Certificate '{certificateId}' does not exist.");
        }

        var caller = context.Caller();
        var access = await SocialAccess.CheckAsync(grains, caller, certificate.CourseId);
        if (!access.CanModerate)
        {
            return Problems.Forbidden($"Only the trainers of course '{certificate.CourseId}' and admins may revoke its certificates.");
        }

        if (!RequiredText.TryRead(request?.Reason, "reason", 1_000, out var reason, out var problem))
        {
            return problem!;
        }

        var grain = grains.ByKey<ICertificateGrain>(CertificateKeys.For(certificate.LearnerId, certificate.CourseId));
        var outcome = await grain.RevokeAsync(reason, caller.Id);
        if (outcome == RevocationOutcome.AlreadyRevoked)
        {
            return Problems.Conflict($"Certificate {certificate.Id} is already revoked.");
        }

        await context.AuditAsync("certificate.revoke", $"certificate:{certificate.Id}", $"reason={reason}");
        return TypedResults.Ok(await ToResponseAsync(keys, (await grain.GetAsync())!));
    }

    private static async Task<IResult> ListForLearner(string learnerId, HttpContext context, IGrainFactory grains, CertificateKeyCache keys, int? limit, string? after)
    {
        var caller = context.Caller();
        if (!caller.IsAdmin && !caller.IsLearnerSelf(learnerId))
        {
            return caller.IsLearner
                ? Problems.NotFound($"Learner '{learnerId}' does not exist.")
                : Problems.Forbidden("Only the learner and admins may list a learner's certificates.");
        }

        if (caller.IsAdmin && await grains.ByKey<ILearnerGrain>(learnerId).GetProfile() is null)
        {
            return Problems.NotFound($"Learner '{learnerId}' does not exist.");
        }

        if (!Paging.TryLimit(limit, out var size, out var problem))
        {
            return problem!;
        }

        Guid? afterId = null;
        if (after is not null)
        {
            if (!Guid.TryParse(after, out var parsed))
            {
                return Problems.BadRequest("after is not a cursor this listing returned.", "after");
            }

            afterId = parsed;
        }

        // One entry per course completed: small enough to page in memory, in the order they were issued.
        var references = await grains.ByKey<ILearnerCertificatesGrain>(learnerId).ListAsync();
        var start = afterId is { } id ? references.ToList().FindIndex(r => r.Id == id) + 1 : 0;
        var page = references.Skip(start).Take(size).ToList();
        var items = new List<CertificateResponse>(page.Count);
        foreach (var reference in page)
        {
            var certificate = await grains.ByKey<ICertificateGrain>(CertificateKeys.For(reference.LearnerId, reference.CourseId)).GetAsync();
            if (certificate is not null)
            {
                items.Add(await ToResponseAsync(keys, certificate));
            }
        }

        var next = start + page.Count < references.Count ? page[^1].Id.ToString("D") : null;
        return TypedResults.Ok(new Page<CertificateResponse>(items, next));
    }

    /// <summary>
    /// Checks the course rule now for one learner (the learner themself, the course's trainers, admins) and
    /// issues the certificate when it is met. Progress gives the completed lessons and the best scaled score
    /// per quiz or assignment from graders' statements (a <c>passed</c> without a score counts 1).
    /// </summary>
    private static async Task<IResult> Evaluate(string learnerId, string courseId, HttpContext context, IGrainFactory grains, CertificateKeyCache keys)
    {
        var caller = context.Caller();
        if (!Ids.IsValid(learnerId) || !Ids.IsValid(courseId))
        {
            return Problems.NotFound($"Learner '{learnerId}' or course '{courseId}' does not exist.");
        }

        var access = await SocialAccess.CheckAsync(grains, caller, courseId);
        if (!caller.IsLearnerSelf(learnerId) && !access.CanModerate)
        {
            return caller.IsLearner
                ? Problems.NotFound($"Learner '{learnerId}' does not exist.")
                : access.Found ? SocialAccess.NotModerator(courseId) : access.Denied(courseId);
        }

        var course = access.Course ?? await grains.ByKey<ICourseGrain>(courseId).Get();
        if (course is null)
        {
            return Problems.NotFound($"Course '{courseId}' does not exist.");
        }

        // The paid-course rule first (CourseAccess): without access no certificate, whether or not the learner enrolled.
        if (!await CourseAccess.LearnerHasAccessAsync(grains, course, learnerId))
        {
            return Problems.Forbidden($"Course '{courseId}' is paid and learner '{learnerId}' has no access to it (not bought, or refunded): no new certificate.");
        }

        var learner = grains.ByKey<ILearnerGrain>(learnerId);
        var enrolled = (await learner.GetEnrolments()).Any(e => e.CourseId == courseId);
        var progress = enrolled ? await learner.GetProgress(courseId) : null;
        if (progress is null)
        {
            return Problems.NotFound($"Learner '{learnerId}' is not enrolled in course '{courseId}'.");
        }

        var requirements = CertificateRequirementsFactory.From(course.Definition);
        // The learner grain keeps the best graded score per quiz or assignment as statements arrive (graders'
        // statements only): no scan of the learner's statements, however many there are.
        var scores = new Dictionary<string, double>(await learner.GetBestScores(courseId), StringComparer.Ordinal);
        var snapshot = new CertificateProgress(learnerId, progress.CompletedLessons, scores, DateTimeOffset.UtcNow);
        var evaluation = await grains.ByKey<ICertificateGrain>(CertificateKeys.For(learnerId, courseId)).EvaluateAsync(snapshot, requirements);
        if (evaluation.NoAccess)
        {
            return Problems.Forbidden($"Course '{courseId}' is paid and learner '{learnerId}' has no access to it (not bought, or refunded): no new certificate.");
        }

        var certificate = evaluation.Certificate is null ? null : await ToResponseAsync(keys, evaluation.Certificate);
        var response = new EvaluationResponse(
            evaluation.Eligible, evaluation.NewlyIssued, evaluation.MissingLessonIds, evaluation.MeanScore, requirements.PassThreshold, certificate);
        return evaluation.NewlyIssued
            ? TypedResults.Created($"/api/certificates/{certificate!.Id:D}", response)
            : TypedResults.Ok(response);
    }

    private static async Task<CertificateView?> FindAsync(IGrainFactory grains, string certificateId)
    {
        var text = certificateId.StartsWith("urn:uuid:", StringComparison.OrdinalIgnoreCase) ? certificateId[9..] : certificateId;
        if (!Guid.TryParse(text, out var id))
        {
            return null;
        }

        var reference = await grains.ByKey<ICertificateLookupGrain>(id).GetAsync();
        return reference is null
            ? null
            : await grains.ByKey<ICertificateGrain>(CertificateKeys.For(reference.LearnerId, reference.CourseId)).GetAsync();
    }

    private static async Task<CertificateResponse> ToResponseAsync(CertificateKeyCache keyCache, CertificateView certificate)
    {
        var payload = VcJwt.Verify(certificate.Jwt, await keyCache.GetAsync());
        var signatureValid = payload is not null && SignedIdMatches(payload, certificate.Id);
        var status = !signatureValid ? "invalid-signature" : certificate.Revoked ? "revoked" : "valid";
        var keyId = VcJwt.ReadKeyId(certificate.Jwt);

        using var credential = JsonDocument.Parse(certificate.CredentialJson);
        return new CertificateResponse(
            certificate.Id, certificate.LearnerId, certificate.CourseId, certificate.Kind, certificate.IssuedAt, certificate.Revoked,
            certificate.RevocationReason, certificate.RevokedAt, credential.RootElement.Clone(), certificate.Jwt,
            status == "valid", new VerificationResponse(status, signatureValid, keyId, "/.well-known/jwks.json", DateTimeOffset.UtcNow),
            Issuer(credential.RootElement));
    }

    private static IssuerResponse Issuer(JsonElement credential)
    {
        var issuer = credential.GetProperty("issuer");
        static string? Text(JsonElement element, string name) =>
            element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
        return new IssuerResponse(
            Text(issuer, "id") ?? string.Empty, Text(issuer, "name") ?? string.Empty, Text(issuer, "url"), Text(issuer, "description"),
            issuer.TryGetProperty("address", out var address) ? Text(address, "addressCountry") : null,
            issuer.TryGetProperty("image", out var image) ? Text(image, "id") : null);
    }

    /// <summary>The signed claims must name this certificate: a valid JWT of another certificate does not vouch for this one.</summary>
    private static bool SignedIdMatches(string payload, Guid id)
    {
        using var claims = JsonDocument.Parse(payload);
        return claims.RootElement.TryGetProperty("jti", out var jti) && jti.GetString() == $"urn:uuid:{id:D}";
    }
}
