using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AdaptiveMooc.Api.Tests.Accounts;

/// <summary>
/// The contract's section "Providers, orders, access, accounts, mail" followed literally, over HTTP on a real
/// PostgreSQL, with no Stripe key (the manual payment provider) and the mail caught by smtp4dev.
/// </summary>
[Collection(AccountsCollection.Name)]
public sealed class ContractFlowTests(AccountsFixture fixture)
{
    private const string Password = "correct horse battery";

    [Fact]
    public async Task Provider_paid_course_order_payment_vouchers_reset_deletion_and_export_as_the_contract_says()
    {
        using var admin = fixture.Platform.Client();
        using var anonymous = fixture.Platform.Client(admin: false);
        var suffix = Guid.NewGuid().ToString("N")[..10];

        // POST /api/providers {id, name, website, country, accreditation} (admins).
        var providerId = "prov-" + suffix;
        var provider = await ReadAsync(await admin.PostAsJsonAsync("/api/providers", new JsonObject
        {
            ["id"] = providerId, ["name"] = "Institut des Tests", ["website"] = "https://institut.example.org", ["country"] = "FR",
            ["accreditation"] = "Accredited by the Ministry of Tests, decision 2026-42",
        }), HttpStatusCode.Created);
        Assert.Equal("Accredited by the Ministry of Tests, decision 2026-42", provider.GetProperty("accreditation").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(await (await LearnerAsync("nosy-" + suffix)).PostAsJsonAsync("/api/providers",
            new JsonObject { ["id"] = "other-" + suffix, ["name"] = "Mine" })));

        // A paid course naming providerId (created by an admin for a trainer: the contract's "trainer, admin").
        var trainerId = "trainer-" + suffix;
        await ReadAsync(await admin.PostAsJsonAsync("/api/trainers", new JsonObject
        {
            ["id"] = trainerId, ["name"] = "Grace Hopper", ["email"] = $"{trainerId}@example.org", ["password"] = Password,
        }), HttpStatusCode.Created);
        var courseId = "paid-" + suffix;
        var course = Payloads.Course(courseId, paid: true);
        course["providerId"] = providerId;
        course["ownerTrainerId"] = trainerId;
        await ReadAsync(await admin.PostAsJsonAsync("/api/courses", course), HttpStatusCode.Created);
        await Payloads.BankAsync(admin, courseId, course);
        await ReadAsync(await admin.PostAsync(new Uri($"/api/courses/{courseId}/publish", UriKind.Relative), null), HttpStatusCode.OK);
        using var trainer = await fixture.SignedInAsync(trainerId, Password);
        var mediaId = await UploadAsync(trainer, courseId);
        var webinar = await ReadAsync(await trainer.PostAsJsonAsync($"/api/courses/{courseId}/webinars", new JsonObject
        {
            ["title"] = "Office hours", ["start"] = DateTimeOffset.UtcNow.AddDays(3), ["minutes"] = 60, ["capacity"] = 10, ["joinUrl"] = "https://meet.example.org/x",
        }), HttpStatusCode.Created);
        var webinarId = webinar.GetProperty("id").GetString()!;

        // A learner orders it: 201 {id, status: pending, checkoutUrl: null} (manual provider).
        var learnerId = "buyer-" + suffix;
        using var learner = await LearnerAsync(learnerId);
        using var ordering = await learner.PostAsync(new Uri($"/api/courses/{courseId}/orders", UriKind.Relative), null);
        var order = await ReadAsync(ordering, HttpStatusCode.Created);
        Assert.NotNull(ordering.Headers.Location);
        var orderId = order.GetProperty("id").GetString()!;
        Assert.Equal("pending", order.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, order.GetProperty("checkoutUrl").ValueKind);

        // Before access: content, media links, attempts, forum, webinars and the certificate answer 403; enrolment too.
        await AssertLockedAsync(learner, learnerId, courseId, mediaId, webinarId);
        await Problem.AssertAsync(await learner.PostAsJsonAsync($"/api/learners/{learnerId}/enrollments", new JsonObject { ["courseId"] = courseId, ["orderId"] = orderId }),
            HttpStatusCode.Forbidden, "pending");

        // POST /api/orders/{orderId}/payment (admins and the provider's admins): the learner may not; an admin marks it paid.
        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(await learner.PostAsync(new Uri($"/api/orders/{orderId}/payment", UriKind.Relative), null)));
        var paid = await ReadAsync(await admin.PostAsync(new Uri($"/api/orders/{orderId}/payment", UriKind.Relative), null), HttpStatusCode.OK);
        Assert.Equal("paid", paid.GetProperty("status").GetString());

        // Enrol with {courseId, orderId}; then the content is served, and the rest with it.
        var enrolment = await ReadAsync(await learner.PostAsJsonAsync($"/api/learners/{learnerId}/enrollments",
            new JsonObject { ["courseId"] = courseId, ["orderId"] = orderId }), HttpStatusCode.Created);
        Assert.Equal(courseId, enrolment.GetProperty("courseId").GetString());
        await ReadAsync(await learner.GetAsync($"/api/courses/{courseId}/lessons/l1/content"), HttpStatusCode.OK);
        await ReadAsync(await learner.GetAsync($"/api/courses/{courseId}/media/{mediaId}/link"), HttpStatusCode.OK);
        await ReadAsync(await learner.GetAsync($"/api/courses/{courseId}/forum/threads"), HttpStatusCode.OK);
        await ReadAsync(await learner.PostAsJsonAsync($"/api/courses/{courseId}/webinars/{webinarId}/registrations",
            new JsonObject { ["learnerId"] = learnerId }), HttpStatusCode.Created);

        // Another learner's order is not theirs to enrol with.
        var strangerId = "stranger-" + suffix;
        using var stranger = await LearnerAsync(strangerId);
        await Problem.AssertAsync(await stranger.PostAsJsonAsync($"/api/learners/{strangerId}/enrollments",
            new JsonObject { ["courseId"] = courseId, ["orderId"] = orderId }), HttpStatusCode.BadRequest, "orderId");

        // POST /api/courses/{courseId}/vouchers {count, expiresAt} -> {codes}; enrol with {courseId, voucher}, once.
        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(await trainer.PostAsJsonAsync($"/api/courses/{courseId}/vouchers",
            new JsonObject { ["count"] = 1, ["expiresAt"] = DateTimeOffset.UtcNow.AddDays(30) })));
        var vouchers = await ReadAsync(await admin.PostAsJsonAsync($"/api/courses/{courseId}/vouchers",
            new JsonObject { ["count"] = 2, ["expiresAt"] = DateTimeOffset.UtcNow.AddDays(30) }), HttpStatusCode.Created);
        var codes = vouchers.GetProperty("codes").EnumerateArray().Select(c => c.GetString()!).ToList();
        Assert.Equal(2, codes.Distinct().Count());
        await AssertLockedAsync(stranger, strangerId, courseId, mediaId, webinarId);
        await ReadAsync(await stranger.PostAsJsonAsync($"/api/learners/{strangerId}/enrollments",
            new JsonObject { ["courseId"] = courseId, ["voucher"] = codes[0] }), HttpStatusCode.Created);
        await ReadAsync(await stranger.GetAsync($"/api/courses/{courseId}/lessons/l1/content"), HttpStatusCode.OK);
        var thirdId = "third-" + suffix;
        using var third = await LearnerAsync(thirdId);
        await Problem.AssertAsync(await third.PostAsJsonAsync($"/api/learners/{thirdId}/enrollments",
            new JsonObject { ["courseId"] = courseId, ["voucher"] = codes[0] }), HttpStatusCode.Conflict, "redeemed");
        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(await third.GetAsync($"/api/courses/{courseId}/lessons/l1/content")));

        // POST /api/auth/password-reset {email} -> 202 whatever the address; the mail (smtp4dev) holds the token.
        var email = $"{learnerId}@example.org";
        var known = await ReadAsync(await anonymous.PostAsJsonAsync("/api/auth/password-reset", new JsonObject { ["email"] = email }), HttpStatusCode.Accepted);
        var unknown = await ReadAsync(await anonymous.PostAsJsonAsync("/api/auth/password-reset",
            new JsonObject { ["email"] = $"nobody-{suffix}@example.org" }), HttpStatusCode.Accepted);
        Assert.Equal(known.GetRawText(), unknown.GetRawText());
        var token = AccountsFixture.TokenIn(Assert.Single(await fixture.Mail.WaitForAsync(email, "Reset your password")), "reset-password");
        await ReadAsync(await anonymous.PostAsJsonAsync("/api/auth/password-reset/confirm",
            new JsonObject { ["token"] = token, ["password"] = "a new password for the contract" }), HttpStatusCode.NoContent);
        await Problem.AssertAsync(await anonymous.PostAsJsonAsync("/api/auth/password-reset/confirm",
            new JsonObject { ["token"] = token, ["password"] = "a second new password" }), HttpStatusCode.BadRequest, "token");
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusAsync(await anonymous.PostAsJsonAsync("/api/auth/token",
            new JsonObject { ["username"] = learnerId, ["password"] = Password })));
        using var renewed = await fixture.SignedInAsync(email, "a new password for the contract");

        // POST /api/auth/email-verification/confirm {token} -> 204 (the registration mail's token).
        var verification = AccountsFixture.TokenIn(Assert.Single(await fixture.Mail.WaitForAsync(email, "Confirm")), "verify-email");
        await ReadAsync(await anonymous.PostAsJsonAsync("/api/auth/email-verification/confirm", new JsonObject { ["token"] = verification }), HttpStatusCode.NoContent);
        Assert.True((await ReadAsync(await renewed.GetAsync("/api/account"), HttpStatusCode.OK)).GetProperty("emailVerified").GetBoolean());

        // POST /api/learners/{id}/exports -> 202 {id}; GET .../exports/{exportId} -> {status, url}; the url fetches the zip,
        // which holds the order and the access it gave.
        var job = await ReadAsync(await renewed.PostAsync(new Uri($"/api/learners/{learnerId}/exports", UriKind.Relative), null), HttpStatusCode.Accepted);
        var exportId = job.GetProperty("id").GetString()!;
        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(await stranger.GetAsync($"/api/learners/{learnerId}/exports/{exportId}")));
        var ready = await WaitReadyAsync(renewed, $"/api/learners/{learnerId}/exports/{exportId}");
        var url = new Uri(ready.GetProperty("url").GetString()!);
        using (var archive = await renewed.GetAsync(url.PathAndQuery))
        {
            Assert.Equal(HttpStatusCode.OK, archive.StatusCode);
            using var zip = new ZipArchive(new MemoryStream(await archive.Content.ReadAsByteArrayAsync()));
            var orders = JsonNode.Parse(Entry(zip, "orders.json"))!.AsArray();
            var exported = Assert.Single(orders)!;
            Assert.Equal(orderId, exported["id"]!.GetValue<string>());
            Assert.Equal("paid", exported["status"]!.GetValue<string>());
            Assert.Contains(JsonNode.Parse(Entry(zip, "course-access.json"))!.AsArray(), a => a!["id"]!.GetValue<string>() == $"order:{orderId}");
            Assert.Contains(orderId, Entry(zip, "orders.csv"), StringComparison.Ordinal);
        }

        // The stranger's export names the voucher they redeemed.
        var strangerJob = await ReadAsync(await admin.PostAsync(new Uri($"/api/learners/{strangerId}/exports", UriKind.Relative), null), HttpStatusCode.Accepted);
        var strangerReady = await WaitReadyAsync(admin, $"/api/learners/{strangerId}/exports/{strangerJob.GetProperty("id").GetString()}");
        using (var archive = await admin.GetAsync(new Uri(strangerReady.GetProperty("url").GetString()!).PathAndQuery))
        {
            Assert.Equal(HttpStatusCode.OK, archive.StatusCode);
            using var zip = new ZipArchive(new MemoryStream(await archive.Content.ReadAsByteArrayAsync()));
            var access = JsonNode.Parse(Entry(zip, "course-access.json"))!.AsArray();
            Assert.Contains(access, a => a!["kind"]!.GetValue<string>() == "voucher" && a["id"]!.GetValue<string>() == "voucher:" + codes[0].Replace("-", string.Empty, StringComparison.Ordinal));
        }

        // DELETE /api/learners/{id}: another learner 404, the learner themself 204; the account is gone.
        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(await stranger.DeleteAsync($"/api/learners/{learnerId}")));
        Assert.Equal(HttpStatusCode.NoContent, await StatusAsync(await renewed.DeleteAsync($"/api/learners/{learnerId}")));
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusAsync(await anonymous.PostAsJsonAsync("/api/auth/token",
            new JsonObject { ["username"] = email, ["password"] = "a new password for the contract" })));
        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(await admin.GetAsync($"/api/learners/{learnerId}")));

        // An admin erases another learner the same way.
        Assert.Equal(HttpStatusCode.NoContent, await StatusAsync(await admin.DeleteAsync($"/api/learners/{thirdId}")));
        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(await admin.DeleteAsync($"/api/learners/{thirdId}")));
    }

    private static async Task AssertLockedAsync(HttpClient learner, string learnerId, string courseId, string mediaId, string webinarId)
    {
        var locked = new (string What, Func<Task<HttpResponseMessage>> Call)[]
        {
            ("content", () => learner.GetAsync($"/api/courses/{courseId}/lessons/l1/content")),
            ("media link", () => learner.GetAsync($"/api/courses/{courseId}/media/{mediaId}/link")),
            ("attempt", () => learner.PostAsync(new Uri($"/api/learners/{learnerId}/courses/{courseId}/lessons/l2/attempts", UriKind.Relative), null)),
            ("forum read", () => learner.GetAsync($"/api/courses/{courseId}/forum/threads")),
            ("forum post", () => learner.PostAsJsonAsync($"/api/courses/{courseId}/forum/threads", new JsonObject { ["title"] = "Hi", ["body"] = "Free?" })),
            ("webinars", () => learner.GetAsync($"/api/courses/{courseId}/webinars")),
            ("webinar", () => learner.GetAsync($"/api/courses/{courseId}/webinars/{webinarId}")),
            ("webinar registration", () => learner.PostAsJsonAsync($"/api/courses/{courseId}/webinars/{webinarId}/registrations", new JsonObject { ["learnerId"] = learnerId })),
            ("certificate", () => learner.PostAsync(new Uri($"/api/learners/{learnerId}/courses/{courseId}/certificate", UriKind.Relative), null)),
            ("enrolment", () => learner.PostAsJsonAsync($"/api/learners/{learnerId}/enrollments", new JsonObject { ["courseId"] = courseId })),
        };
        foreach (var (what, call) in locked)
        {
            using var response = await call();
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{what}: expected 403, got {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
    }

    private async Task<HttpClient> LearnerAsync(string id)
    {
        using var anonymous = fixture.Platform.Client(admin: false);
        await ReadAsync(await anonymous.PostAsJsonAsync("/api/learners", Payloads.Learner(id)), HttpStatusCode.Created);
        return await fixture.SignedInAsync(id, Password);
    }

    private static async Task<string> UploadAsync(HttpClient trainer, string courseId)
    {
        var png = new byte[256];
        new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }.CopyTo(png, 0);
        using var form = new MultipartFormDataContent { { new ByteArrayContent(png), "file", "figure.png" } };
        var uploaded = await ReadAsync(await trainer.PostAsync(new Uri($"/api/courses/{courseId}/media", UriKind.Relative), form), HttpStatusCode.Created);
        return uploaded.GetProperty("id").GetString()!;
    }

    private static async Task<JsonElement> WaitReadyAsync(HttpClient client, string path)
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (true)
        {
            var job = await ReadAsync(await client.GetAsync(path), HttpStatusCode.OK);
            var status = job.GetProperty("status").GetString();
            Assert.NotEqual("failed", status);
            if (status == "ready")
            {
                return job;
            }

            Assert.True(DateTime.UtcNow < deadline, $"export {path} not ready after 90 s");
            await Task.Delay(250);
        }
    }

    private static string Entry(ZipArchive zip, string name)
    {
        using var reader = new StreamReader(zip.GetEntry(name)!.Open(), Encoding.UTF8);
        return reader.ReadToEnd();
    }

    private static async Task<HttpStatusCode> StatusAsync(HttpResponseMessage response)
    {
        using (response)
        {
            return response.StatusCode;
        }
    }

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        using (response)
        {
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == expected, $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: expected {(int)expected}, got {(int)response.StatusCode}: {text}");
            return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
        }
    }
}
