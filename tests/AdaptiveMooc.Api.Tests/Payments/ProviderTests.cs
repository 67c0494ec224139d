using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace AdaptiveMooc.Api.Tests.Payments;

/// <summary>
/// Providers, vouchers, grants and the manual payment provider (no Stripe key, as on a fresh machine or in CI),
/// end to end over HTTP on a real PostgreSQL.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class ProviderTests(PlatformFixture fixture)
{
    private PlatformProcesses Platform => fixture.Platform;

    [Fact]
    public async Task Without_a_stripe_key_a_provider_admin_marks_a_manual_order_paid_and_it_is_audited()
    {
        var (providerId, adminId, providerAdmin) = await ProviderAsync();
        var (_, trainer) = await TrainerOfAsync(providerId, providerAdmin);
        var courseId = await Actors.CourseAsync(trainer, providerId: providerId);
        var (learnerId, learner) = await Actors.LearnerAsync(Platform);

        var order = await Actors.ReadAsync(await learner.PostAsync(new Uri($"/api/courses/{courseId}/orders", UriKind.Relative), null), HttpStatusCode.Created);
        var orderId = order.GetProperty("id").GetString()!;
        Assert.Equal("manual", order.GetProperty("method").GetString());
        Assert.Equal("pending", order.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, order.GetProperty("checkoutUrl").ValueKind);
        Assert.Equal(providerId, order.GetProperty("providerId").GetString());

        // Neither the learner nor another provider's admin nor the course's own (non-admin) trainer marks it paid.
        var (_, _, strangerAdmin) = await ProviderAsync();
        Assert.Equal(HttpStatusCode.Forbidden, await Actors.StatusAsync(learner.PostAsJsonAsync($"/api/orders/{orderId}/payment", new { reference = "x" })));
        Assert.Equal(HttpStatusCode.Forbidden, await Actors.StatusAsync(strangerAdmin.PostAsJsonAsync($"/api/orders/{orderId}/payment", new { reference = "x" })));
        Assert.Equal(HttpStatusCode.Forbidden, await Actors.StatusAsync(trainer.PostAsJsonAsync($"/api/orders/{orderId}/payment", new { reference = "x" })));
        await Problem.AssertAsync(await providerAdmin.PostAsJsonAsync($"/api/orders/{orderId}/payment", new { reference = " " }), HttpStatusCode.BadRequest, "reference");
        Assert.False((await Actors.ReadAsync(await learner.GetAsync($"/api/learners/{learnerId}/courses/{courseId}/access"), HttpStatusCode.OK)).GetProperty("hasAccess").GetBoolean());

        var pending = await Actors.ReadAsync(await providerAdmin.GetAsync($"/api/providers/{providerId}/orders?status=pending"), HttpStatusCode.OK);
        Assert.Contains(pending.GetProperty("items").EnumerateArray(), o => o.GetProperty("id").GetString() == orderId);

        var paid = await Actors.ReadAsync(await providerAdmin.PostAsJsonAsync($"/api/orders/{orderId}/payment", new { reference = "SEPA-2026-0042" }), HttpStatusCode.OK);
        Assert.Equal("paid", paid.GetProperty("status").GetString());
        Assert.Equal("SEPA-2026-0042", paid.GetProperty("paymentReference").GetString());
        Assert.True(paid.GetProperty("accessGranted").GetBoolean());
        await Problem.AssertAsync(await providerAdmin.PostAsJsonAsync($"/api/orders/{orderId}/payment", new { reference = "again" }), HttpStatusCode.Conflict, "not pending");

        // Access everywhere: content, enrolment (made by the payment), forum.
        Assert.False((await Actors.ReadAsync(await learner.GetAsync($"/api/courses/{courseId}"), HttpStatusCode.OK)).GetProperty("contentLocked").GetBoolean());
        await Actors.ReadAsync(await learner.PostAsJsonAsync($"/api/courses/{courseId}/forum/threads", new { title = "Paid by transfer", body = "Hello" }), HttpStatusCode.Created);
        await Actors.ReadAsync(await learner.PostAsJsonAsync("/xapi/statements", Actors.Completed(learnerId, courseId, "l1")), HttpStatusCode.OK);

        using var admin = Platform.Client();
        var audit = await Actors.ReadAsync(await admin.GetAsync("/api/audit?limit=200"), HttpStatusCode.OK);
        Assert.Contains(audit.GetProperty("items").EnumerateArray(), e =>
            e.GetProperty("action").GetString() == "order.mark-paid" && e.GetProperty("target").GetString() == $"order:{orderId}"
            && e.GetProperty("actorId").GetString() == adminId);

        // A manual refund withdraws access; the learner keeps their history.
        var refunded = await Actors.ReadAsync(await providerAdmin.PostAsJsonAsync($"/api/orders/{orderId}/refund", new { reason = "changed their mind" }), HttpStatusCode.OK);
        Assert.Equal("refunded", refunded.GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, await Actors.StatusAsync(learner.GetAsync($"/api/courses/{courseId}/forum/threads")));
        var progress = await Actors.ReadAsync(await learner.GetAsync($"/api/learners/{learnerId}/courses/{courseId}/progress"), HttpStatusCode.OK);
        Assert.Contains(progress.GetProperty("completedLessons").EnumerateArray(), l => l.GetString() == "l1");
    }

    [Fact]
    public async Task Concurrent_redemptions_of_one_voucher_code_let_exactly_one_learner_in()
    {
        var (providerId, _, providerAdmin) = await ProviderAsync();
        var courseId = await Actors.CourseAsync(providerAdmin, providerId: providerId);
        var batch = await Actors.ReadAsync(await providerAdmin.PostAsJsonAsync($"/api/providers/{providerId}/vouchers",
            new { courseId, seats = 3, expiresAt = DateTimeOffset.UtcNow.AddDays(30) }), HttpStatusCode.Created);
        Assert.Equal(3, batch.GetProperty("seats").GetInt32());
        var codes = batch.GetProperty("vouchers").EnumerateArray().Select(v => v.GetProperty("code").GetString()!).ToList();
        Assert.Equal(3, codes.Distinct().Count());

        var learners = new List<(string Id, HttpClient Client)>();
        for (var i = 0; i < 12; i++)
        {
            learners.Add(await Actors.LearnerAsync(Platform));
        }

        var code = codes[0];
        using var start = new SemaphoreSlim(0);
        var attempts = learners.Select(async l =>
        {
            await start.WaitAsync();
            using var response = await l.Client.PostAsJsonAsync($"/api/learners/{l.Id}/vouchers", new { code = code.ToLowerInvariant() });
            return (l.Id, response.StatusCode);
        }).ToList();
        start.Release(learners.Count);
        var results = await Task.WhenAll(attempts);

        var winner = Assert.Single(results, r => r.StatusCode == HttpStatusCode.OK);
        Assert.All(results.Where(r => r.Id != winner.Id), r => Assert.Equal(HttpStatusCode.Conflict, r.StatusCode));
        foreach (var (id, client) in learners)
        {
            var access = await Actors.ReadAsync(await client.GetAsync($"/api/learners/{id}/courses/{courseId}/access"), HttpStatusCode.OK);
            Assert.Equal(id == winner.Id, access.GetProperty("hasAccess").GetBoolean());
        }

        var winnerClient = learners.Single(l => l.Id == winner.Id).Client;
        var enrolments = await Actors.ReadAsync(await winnerClient.GetAsync($"/api/learners/{winner.Id}/enrollments"), HttpStatusCode.OK);
        Assert.Contains(enrolments.GetProperty("items").EnumerateArray(), e => e.GetProperty("courseId").GetString() == courseId);

        // The provider sees which codes were redeemed, and by whom.
        var listed = await Actors.ReadAsync(await providerAdmin.GetAsync($"/api/providers/{providerId}/vouchers"), HttpStatusCode.OK);
        var listedBatch = Assert.Single(listed.GetProperty("items").EnumerateArray());
        Assert.Equal(1, listedBatch.GetProperty("redeemed").GetInt32());
        var redeemed = Assert.Single(listedBatch.GetProperty("vouchers").EnumerateArray(), v => v.GetProperty("redeemedBy").ValueKind != JsonValueKind.Null);
        Assert.Equal(code, redeemed.GetProperty("code").GetString());
        Assert.Equal(winner.Id, redeemed.GetProperty("redeemedBy").GetString());

        // Unknown codes name the field; learners and other providers do not see the vouchers.
        var (someoneId, someone) = learners.First(l => l.Id != winner.Id);
        await Problem.AssertAsync(await someone.PostAsJsonAsync($"/api/learners/{someoneId}/vouchers", new { code = "0000-0000-0000-0000" }), HttpStatusCode.BadRequest, "code");
        await Problem.AssertAsync(await someone.PostAsJsonAsync($"/api/learners/{someoneId}/vouchers", new { code = "short" }), HttpStatusCode.BadRequest, "code");
        Assert.Equal(HttpStatusCode.Forbidden, await Actors.StatusAsync(someone.GetAsync($"/api/providers/{providerId}/vouchers")));
        var (_, _, strangerAdmin) = await ProviderAsync();
        Assert.Equal(HttpStatusCode.Forbidden, await Actors.StatusAsync(strangerAdmin.GetAsync($"/api/providers/{providerId}/vouchers")));
    }

    [Fact]
    public async Task An_expired_voucher_is_refused_and_vouchers_are_only_for_the_providers_courses()
    {
        var (providerId, _, providerAdmin) = await ProviderAsync();
        var courseId = await Actors.CourseAsync(providerAdmin, providerId: providerId);
        var (_, outsider) = await Actors.TrainerAsync(Platform);
        var otherCourse = await Actors.CourseAsync(outsider);
        await Problem.AssertAsync(await providerAdmin.PostAsJsonAsync($"/api/providers/{providerId}/vouchers",
            new { courseId = otherCourse, seats = 1, expiresAt = DateTimeOffset.UtcNow.AddDays(1) }), HttpStatusCode.BadRequest, "courseId");
        await Problem.AssertAsync(await providerAdmin.PostAsJsonAsync($"/api/providers/{providerId}/vouchers",
            new { courseId, seats = 501, expiresAt = DateTimeOffset.UtcNow.AddDays(1) }), HttpStatusCode.BadRequest, "seats");
        await Problem.AssertAsync(await providerAdmin.PostAsJsonAsync($"/api/providers/{providerId}/vouchers",
            new { courseId, seats = 1, expiresAt = DateTimeOffset.UtcNow.AddDays(-1) }), HttpStatusCode.BadRequest, "expiresAt");

        var batch = await Actors.ReadAsync(await providerAdmin.PostAsJsonAsync($"/api/providers/{providerId}/vouchers",
            new { courseId, seats = 1, expiresAt = DateTimeOffset.UtcNow.AddSeconds(2) }), HttpStatusCode.Created);
        var code = batch.GetProperty("vouchers")[0].GetProperty("code").GetString()!;
        await Task.Delay(TimeSpan.FromSeconds(3));
        var (learnerId, learner) = await Actors.LearnerAsync(Platform);
        await Problem.AssertAsync(await learner.PostAsJsonAsync($"/api/learners/{learnerId}/vouchers", new { code }), HttpStatusCode.Conflict, "expired");
        Assert.False((await Actors.ReadAsync(await learner.GetAsync($"/api/learners/{learnerId}/courses/{courseId}/access"), HttpStatusCode.OK)).GetProperty("hasAccess").GetBoolean());
    }

    [Fact]
    public async Task The_certificate_names_the_provider_as_issuer_with_its_accreditation_and_provider_admins_read_analytics()
    {
        var (providerId, _, providerAdmin) = await ProviderAsync();
        var (_, trainer) = await TrainerOfAsync(providerId, providerAdmin);
        var id = Payloads.NewId("course");
        var course = Payloads.Course(id, paid: true);
        course["providerId"] = providerId;
        course["modules"]![0]!["lessons"] = new System.Text.Json.Nodes.JsonArray(Payloads.Lesson("l1", "video", []));
        await Actors.ReadAsync(await trainer.PostAsJsonAsync("/api/courses", course), HttpStatusCode.Created);
        await Actors.ReadAsync(await trainer.PostAsync(new Uri($"/api/courses/{id}/publish", UriKind.Relative), null), HttpStatusCode.OK);
        var (learnerId, learner) = await Actors.LearnerAsync(Platform);

        // A grant by the provider (a scholarship): access without an order.
        var granted = await Actors.ReadAsync(await providerAdmin.PostAsJsonAsync($"/api/providers/{providerId}/grants", new { learnerId, courseId = id }), HttpStatusCode.OK);
        Assert.True(granted.GetProperty("hasAccess").GetBoolean());
        await Actors.ReadAsync(await learner.PostAsJsonAsync($"/api/learners/{learnerId}/enrollments", new { courseId = id }), HttpStatusCode.Created);
        await Actors.ReadAsync(await learner.PostAsJsonAsync("/xapi/statements", Actors.Completed(learnerId, id, "l1")), HttpStatusCode.OK);
        var evaluation = await Actors.ReadAsync(
            await learner.PostAsync(new Uri($"/api/learners/{learnerId}/courses/{id}/certificate", UriKind.Relative), null), HttpStatusCode.OK);
        var certificateId = evaluation.GetProperty("certificate").GetProperty("id").GetString()!;

        var verified = await Actors.ReadAsync(await Platform.Client(admin: false).GetAsync($"/api/certificates/{certificateId}"), HttpStatusCode.OK);
        Assert.True(verified.GetProperty("valid").GetBoolean());
        var issuer = verified.GetProperty("issuer");
        Assert.Equal("Open University of Testing", issuer.GetProperty("name").GetString());
        Assert.Equal("Accredited to award level 6 certificates (accredited by Office for Students)", issuer.GetProperty("accreditation").GetString());
        Assert.Equal("GB", issuer.GetProperty("country").GetString());
        Assert.Equal("https://university.example.org", issuer.GetProperty("url").GetString());
        var credentialIssuer = verified.GetProperty("credential").GetProperty("issuer");
        Assert.EndsWith($"/api/providers/{providerId}", credentialIssuer.GetProperty("id").GetString(), StringComparison.Ordinal);
        Assert.Equal("https://university.example.org/logo.png", credentialIssuer.GetProperty("image").GetProperty("id").GetString());

        // The provider's admin follows the course's analytics without teaching it; a stranger does not.
        await Actors.ReadAsync(await providerAdmin.GetAsync($"/api/courses/{id}/analytics"), HttpStatusCode.OK);
        var (_, stranger) = await Actors.TrainerAsync(Platform);
        Assert.Equal(HttpStatusCode.Forbidden, await Actors.StatusAsync(stranger.GetAsync($"/api/courses/{id}/analytics")));

        var profile = await Actors.ReadAsync(await Platform.Client().GetAsync($"/api/providers/{providerId}"), HttpStatusCode.OK);
        Assert.Contains(profile.GetProperty("courseIds").EnumerateArray(), c => c.GetString() == id);
    }

    [Fact]
    public async Task A_withdrawn_grant_stops_new_progress_and_new_certificates_but_keeps_the_history_and_is_audited()
    {
        var (providerId, adminId, providerAdmin) = await ProviderAsync();
        var courseId = await Actors.CourseAsync(providerAdmin, providerId: providerId);
        var (learnerId, learner) = await Actors.LearnerAsync(Platform);
        await Actors.ReadAsync(await providerAdmin.PostAsJsonAsync($"/api/providers/{providerId}/grants", new { learnerId, courseId }), HttpStatusCode.OK);
        await Actors.ReadAsync(await learner.PostAsJsonAsync($"/api/learners/{learnerId}/enrollments", new { courseId }), HttpStatusCode.Created);
        await Actors.ReadAsync(await learner.PostAsJsonAsync("/xapi/statements", Actors.Completed(learnerId, courseId, "l1")), HttpStatusCode.OK);

        // Who may withdraw: not the learner, not another provider's admin; the reason is required.
        Assert.Equal(HttpStatusCode.Forbidden, await Actors.StatusAsync(learner.PostAsJsonAsync($"/api/providers/{providerId}/grants/withdrawal",
            new { learnerId, courseId, reason = "mine" })));
        var (_, _, strangerAdmin) = await ProviderAsync();
        Assert.Equal(HttpStatusCode.Forbidden, await Actors.StatusAsync(strangerAdmin.PostAsJsonAsync($"/api/providers/{providerId}/grants/withdrawal",
            new { learnerId, courseId, reason = "theirs" })));
        await Problem.AssertAsync(await providerAdmin.PostAsJsonAsync($"/api/providers/{providerId}/grants/withdrawal", new { learnerId, courseId }),
            HttpStatusCode.BadRequest, "reason");

        var withdrawn = await Actors.ReadAsync(await providerAdmin.PostAsJsonAsync($"/api/providers/{providerId}/grants/withdrawal",
            new { learnerId, courseId, reason = "the sponsorship ended" }), HttpStatusCode.OK);
        Assert.False(withdrawn.GetProperty("hasAccess").GetBoolean());
        var grant = Assert.Single(withdrawn.GetProperty("sources").EnumerateArray());
        Assert.Equal($"grant:{providerId}", grant.GetProperty("id").GetString());
        Assert.Contains("the sponsorship ended", grant.GetProperty("withdrawalReason").GetString(), StringComparison.Ordinal);
        await Problem.AssertAsync(await providerAdmin.PostAsJsonAsync($"/api/providers/{providerId}/grants/withdrawal",
            new { learnerId, courseId, reason = "again" }), HttpStatusCode.Conflict, "no active grant");

        // No new progress: statements about the course are refused and change nothing; the history stays readable.
        await Problem.AssertAsync(await learner.PostAsJsonAsync("/xapi/statements", Actors.Completed(learnerId, courseId, "l3")), HttpStatusCode.Forbidden, "no access");
        var progress = await Actors.ReadAsync(await learner.GetAsync($"/api/learners/{learnerId}/courses/{courseId}/progress"), HttpStatusCode.OK);
        Assert.Equal("l1", Assert.Single(progress.GetProperty("completedLessons").EnumerateArray()).GetString());
        using var admin = Platform.Client();
        var trainerGraded = Actors.Completed(learnerId, courseId, "l2");
        trainerGraded["verb"]!["id"] = "http://adlnet.gov/expapi/verbs/passed";
        trainerGraded["result"] = new System.Text.Json.Nodes.JsonObject { ["score"] = new System.Text.Json.Nodes.JsonObject { ["scaled"] = 0.9 }, ["success"] = true };
        await Problem.AssertAsync(await admin.PostAsJsonAsync("/xapi/statements", trainerGraded), HttpStatusCode.Forbidden, "no access");

        // No new certificate, for the learner or on a trainer's request; none was issued.
        await Problem.AssertAsync(await learner.PostAsync(new Uri($"/api/learners/{learnerId}/courses/{courseId}/certificate", UriKind.Relative), null),
            HttpStatusCode.Forbidden, "no new certificate");
        await Problem.AssertAsync(await providerAdmin.PostAsync(new Uri($"/api/learners/{learnerId}/courses/{courseId}/certificate", UriKind.Relative), null),
            HttpStatusCode.Forbidden, "no new certificate");
        var certificates = await Actors.ReadAsync(await learner.GetAsync($"/api/learners/{learnerId}/certificates"), HttpStatusCode.OK);
        Assert.DoesNotContain(certificates.GetProperty("items").EnumerateArray(), c => c.GetProperty("courseId").GetString() == courseId);

        var audit = await Actors.ReadAsync(await admin.GetAsync("/api/audit?limit=200"), HttpStatusCode.OK);
        Assert.Contains(audit.GetProperty("items").EnumerateArray(), e =>
            e.GetProperty("action").GetString() == "provider.grant-withdraw" && e.GetProperty("actorId").GetString() == adminId
            && e.GetProperty("detail").GetString()!.Contains($"learner={learnerId}", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Concurrent_enrolments_with_one_voucher_code_let_exactly_one_learner_in()
    {
        var (providerId, _, providerAdmin) = await ProviderAsync();
        var courseId = await Actors.CourseAsync(providerAdmin, providerId: providerId);
        var issued = await Actors.ReadAsync(await providerAdmin.PostAsJsonAsync($"/api/courses/{courseId}/vouchers",
            new { count = 1, expiresAt = DateTimeOffset.UtcNow.AddDays(7) }), HttpStatusCode.Created);
        var code = Assert.Single(issued.GetProperty("codes").EnumerateArray()).GetString()!;
        await Problem.AssertAsync(await providerAdmin.PostAsJsonAsync($"/api/courses/{courseId}/vouchers", new { count = 0, expiresAt = DateTimeOffset.UtcNow.AddDays(7) }),
            HttpStatusCode.BadRequest, "count");

        var learners = new List<(string Id, HttpClient Client)>();
        for (var i = 0; i < 10; i++)
        {
            learners.Add(await Actors.LearnerAsync(Platform));
        }

        var answers = await Task.WhenAll(learners.Select(async l =>
        {
            using var response = await l.Client.PostAsJsonAsync($"/api/learners/{l.Id}/enrollments", new { courseId, voucher = code });
            return (l.Id, l.Client, response.StatusCode);
        }));
        var winner = Assert.Single(answers, a => a.StatusCode == HttpStatusCode.Created);
        Assert.All(answers.Where(a => a.Id != winner.Id), a => Assert.Equal(HttpStatusCode.Conflict, a.StatusCode));

        // The winner retrying gets the enrolment again; the others stay locked out.
        await Actors.ReadAsync(await winner.Client.PostAsJsonAsync($"/api/learners/{winner.Id}/enrollments", new { courseId, voucher = code }), HttpStatusCode.Created);
        foreach (var (id, client, _) in answers)
        {
            var access = await Actors.ReadAsync(await client.GetAsync($"/api/learners/{id}/courses/{courseId}/access"), HttpStatusCode.OK);
            Assert.Equal(id == winner.Id, access.GetProperty("hasAccess").GetBoolean());
        }

        // A code of another course is refused naming the field.
        var otherCourse = await Actors.CourseAsync(providerAdmin, providerId: providerId);
        var (loserId, loser) = answers.First(a => a.Id != winner.Id) is var l ? (l.Id, l.Client) : default;
        await Problem.AssertAsync(await loser.PostAsJsonAsync($"/api/learners/{loserId}/enrollments", new { courseId = otherCourse, voucher = code }),
            HttpStatusCode.BadRequest, "voucher");
    }

    [Fact]
    public async Task Provider_input_is_validated_and_only_its_trainers_give_it_courses()
    {
        var (trainerId, trainer) = await Actors.TrainerAsync(Platform);
        using var admin = Platform.Client();
        var id = Payloads.NewId("prov");
        await Problem.AssertAsync(await admin.PostAsJsonAsync("/api/providers", new { id, name = "X", country = "France", adminTrainerId = trainerId }), HttpStatusCode.BadRequest, "country");
        await Problem.AssertAsync(await admin.PostAsJsonAsync("/api/providers", new { id, name = "X", website = "http://plain.example.org", adminTrainerId = trainerId }), HttpStatusCode.BadRequest, "website");
        await Problem.AssertAsync(await admin.PostAsJsonAsync("/api/providers", new { id, name = "X", adminTrainerId = "nobody-here" }), HttpStatusCode.BadRequest, "adminTrainerId");
        Assert.Equal(HttpStatusCode.Forbidden, await Actors.StatusAsync(trainer.PostAsJsonAsync("/api/providers", new { id, name = "X", adminTrainerId = trainerId })));
        await Actors.ReadAsync(await admin.GetAsync("/api/providers/" + id), HttpStatusCode.NotFound);

        var (providerId, _, _) = await ProviderAsync();
        var course = Payloads.Course(Payloads.NewId("course"), paid: true);
        course["providerId"] = providerId;
        Assert.Equal(HttpStatusCode.Forbidden, await Actors.StatusAsync(trainer.PostAsJsonAsync("/api/courses", course)));
    }

    /// <summary>A provider made by an admin, with a new trainer as its admin (and that admin's client).</summary>
    private async Task<(string ProviderId, string AdminId, HttpClient Admin)> ProviderAsync()
    {
        var (adminId, adminClient) = await Actors.TrainerAsync(Platform);
        var providerId = Payloads.NewId("prov");
        using var admin = Platform.Client();
        await Actors.ReadAsync(await admin.PostAsJsonAsync("/api/providers", new
        {
            id = providerId,
            name = "Open University of Testing",
            website = "https://university.example.org",
            country = "GB",
            accreditationStatement = "Accredited to award level 6 certificates",
            accreditationAuthority = "Office for Students",
            logoUrl = "https://university.example.org/logo.png",
            adminTrainerId = adminId,
        }), HttpStatusCode.Created);
        return (providerId, adminId, adminClient);
    }

    private async Task<(string Id, HttpClient Client)> TrainerOfAsync(string providerId, HttpClient providerAdmin)
    {
        var (id, client) = await Actors.TrainerAsync(Platform);
        var provider = await Actors.ReadAsync(await providerAdmin.PostAsJsonAsync($"/api/providers/{providerId}/trainers", new { trainerId = id }), HttpStatusCode.OK);
        Assert.Contains(provider.GetProperty("trainerIds").EnumerateArray(), t => t.GetString() == id);
        return (id, client);
    }
}
