using System.Text.Json;
using AdaptiveMooc.Grains.Abstractions.Certificates;
using AdaptiveMooc.Grains.Abstractions.Common;
using AdaptiveMooc.Grains.Abstractions.Courses;
using AdaptiveMooc.Grains.Abstractions.Payments;
using AdaptiveMooc.Grains.Tests.Forums;

namespace AdaptiveMooc.Grains.Tests.Certificates;

[Collection(SocialClusterCollection.Name)]
public sealed class CertificateGrainTests(SocialClusterFixture fixture)
{
    private static CertificateRequirements Requirements(string courseId, string pricing = "paid", string kind = "diploma") =>
        new(courseId, "Intro to finance", pricing, kind, 0.6, ["l1", "l2", "q1"], ["q1", "a1"]);

    private static CertificateProgress Progress(string learnerId, string[] completed, double q1, double a1) =>
        new(learnerId, completed, new Dictionary<string, double> { ["q1"] = q1, ["a1"] = a1 }, DateTimeOffset.UtcNow);

    private static (string LearnerId, string CourseId) NewPair() =>
        ("ln-" + Guid.NewGuid().ToString("N")[..10], "c-" + Guid.NewGuid().ToString("N")[..10]);

    [Fact]
    public async Task Nothing_is_issued_until_the_rule_is_met()
    {
        var (learnerId, courseId) = NewPair();
        var grain = fixture.Grains.GetGrain<ICertificateGrain>(CertificateKeys.For(learnerId, courseId));

        var missing = await grain.EvaluateAsync(Progress(learnerId, ["l1", "q1"], 1, 1), Requirements(courseId));
        Assert.False(missing.Eligible);
        Assert.Equal(["l2"], missing.MissingLessonIds);

        var lowScore = await grain.EvaluateAsync(Progress(learnerId, ["l1", "l2", "q1"], 0.9, 0.2), Requirements(courseId));
        Assert.False(lowScore.Eligible);
        Assert.Equal(0.55, lowScore.MeanScore, 6);
        Assert.Null(await grain.GetAsync());
        Assert.Empty(await fixture.Grains.GetGrain<ILearnerCertificatesGrain>(learnerId).ListAsync());
    }

    [Fact]
    public async Task A_paid_course_issues_only_to_a_learner_holding_access_now()
    {
        var (learnerId, courseId) = NewPair();
        var definition = TestData.Course(courseId, new Pricing(Pricing.Paid, 49m, "EUR")) with { Certificate = new CertificateRule(CertificateRule.Diploma, 0.6) };
        Assert.Equal(CommandStatus.Created, (await fixture.Grains.GetGrain<ICourseGrain>(courseId).Create(definition, "trainer-1")).Status);
        var grain = fixture.Grains.GetGrain<ICertificateGrain>(CertificateKeys.For(learnerId, courseId));
        var progress = Progress(learnerId, ["l1", "l2", "q1"], 0.9, 0.9);

        var refused = await grain.EvaluateAsync(progress, Requirements(courseId));
        Assert.True(refused.NoAccess);
        Assert.False(refused.Eligible);
        Assert.Null(await grain.GetAsync());

        var entitlement = fixture.Grains.GetGrain<ICourseEntitlementGrain>(ICourseEntitlementGrain.KeyOf(learnerId, courseId));
        await entitlement.Grant("order:o1", AccessSource.Order, "stripe", DateTimeOffset.UtcNow);
        var issued = await grain.EvaluateAsync(progress, Requirements(courseId));
        Assert.True(issued.NewlyIssued);

        // Withdrawn later (a refund): the certificate already issued stays, and stays verifiable.
        await entitlement.Withdraw("order:o1", "refunded", DateTimeOffset.UtcNow);
        var kept = await grain.EvaluateAsync(progress, Requirements(courseId));
        Assert.Equal(issued.Certificate!.Id, kept.Certificate!.Id);
        Assert.False(kept.NoAccess);
    }

    [Fact]
    public async Task Issuance_is_idempotent_across_retries_concurrency_and_a_cluster_restart()
    {
        var (learnerId, courseId) = NewPair();
        var progress = Progress(learnerId, ["l1", "l2", "q1"], 0.7, 0.6);
        var grain = fixture.Grains.GetGrain<ICertificateGrain>(CertificateKeys.For(learnerId, courseId));

        var results = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => grain.EvaluateAsync(progress, Requirements(courseId))));
        Assert.All(results, r => Assert.True(r.Eligible));
        Assert.Single(results, r => r.NewlyIssued);
        var id = Assert.Single(results.Select(r => r.Certificate!.Id).Distinct());
        var issued = results[0].Certificate!;
        Assert.Equal("diploma", issued.Kind);

        await fixture.RestartAsync();

        var again = await fixture.Grains.GetGrain<ICertificateGrain>(CertificateKeys.For(learnerId, courseId))
            .EvaluateAsync(progress, Requirements(courseId));
        Assert.False(again.NewlyIssued);
        Assert.Equal(id, again.Certificate!.Id);
        Assert.Equal(issued.Jwt, again.Certificate.Jwt);
        Assert.Equal(issued.IssuedAt, again.Certificate.IssuedAt);

        var listed = await fixture.Grains.GetGrain<ILearnerCertificatesGrain>(learnerId).ListAsync();
        Assert.Equal(id, Assert.Single(listed).Id);
        Assert.Equal(new CertificateRef(id, learnerId, courseId), await fixture.Grains.GetGrain<ICertificateLookupGrain>(id).GetAsync());
    }

    [Fact]
    public async Task A_free_course_gives_a_statement_of_accomplishment()
    {
        var (learnerId, courseId) = NewPair();
        var grain = fixture.Grains.GetGrain<ICertificateGrain>(CertificateKeys.For(learnerId, courseId));
        var result = await grain.EvaluateAsync(Progress(learnerId, ["l1", "l2", "q1"], 1, 1), Requirements(courseId, pricing: "free", kind: "diploma"));
        Assert.Equal("statement", result.Certificate!.Kind);
    }

    [Fact]
    public async Task The_credential_verifies_with_the_published_key_and_not_after_one_byte_changes()
    {
        var (learnerId, courseId) = NewPair();
        var grain = fixture.Grains.GetGrain<ICertificateGrain>(CertificateKeys.For(learnerId, courseId));
        var certificate = (await grain.EvaluateAsync(Progress(learnerId, ["l1", "l2", "q1"], 1, 1), Requirements(courseId))).Certificate!;
        var keys = await fixture.Grains.GetGrain<ICertificateKeysGrain>(0).GetPublicKeysAsync();

        var payload = VcJwt.Verify(certificate.Jwt, keys);
        Assert.NotNull(payload);
        using (var claims = JsonDocument.Parse(payload))
        using (var credential = JsonDocument.Parse(certificate.CredentialJson))
        {
            Assert.Equal($"urn:uuid:{certificate.Id:D}", claims.RootElement.GetProperty("jti").GetString());
            Assert.Equal(credential.RootElement.GetProperty("id").GetString(), claims.RootElement.GetProperty("id").GetString());
            Assert.Contains("OpenBadgeCredential", credential.RootElement.GetProperty("type").EnumerateArray().Select(e => e.GetString()));
            Assert.Equal("Achievement", credential.RootElement.GetProperty("credentialSubject").GetProperty("achievement").GetProperty("type")[0].GetString());
            Assert.True(credential.RootElement.TryGetProperty("validFrom", out _));
            Assert.True(credential.RootElement.GetProperty("issuer").TryGetProperty("id", out _));
        }

        // Change one byte of the signed part (the payload) and one of the signature: neither verifies.
        var dot = certificate.Jwt.IndexOf('.', StringComparison.Ordinal);
        var tamperedPayload = Flip(certificate.Jwt, dot + 5);
        Assert.Null(VcJwt.Verify(tamperedPayload, keys));
        Assert.Null(VcJwt.Verify(Flip(certificate.Jwt, certificate.Jwt.Length - 3), keys));
    }

    [Fact]
    public async Task Revocation_is_recorded_once()
    {
        var (learnerId, courseId) = NewPair();
        var grain = fixture.Grains.GetGrain<ICertificateGrain>(CertificateKeys.For(learnerId, courseId));
        Assert.Equal(RevocationOutcome.NotFound, await grain.RevokeAsync("x", "t1"));
        await grain.EvaluateAsync(Progress(learnerId, ["l1", "l2", "q1"], 1, 1), Requirements(courseId));
        Assert.Equal(RevocationOutcome.Revoked, await grain.RevokeAsync("plagiarism", "t1"));
        Assert.Equal(RevocationOutcome.AlreadyRevoked, await grain.RevokeAsync("again", "t1"));
        var view = (await grain.GetAsync())!;
        Assert.True(view.Revoked);
        Assert.Equal("plagiarism", view.RevocationReason);
    }

    private static string Flip(string text, int index)
    {
        var chars = text.ToCharArray();
        chars[index] = chars[index] == 'A' ? 'B' : 'A';
        return new string(chars);
    }
}
