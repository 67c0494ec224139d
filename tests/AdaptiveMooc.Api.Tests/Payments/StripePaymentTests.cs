using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace AdaptiveMooc.Api.Tests.Payments;

/// <summary>
/// Paid courses bought through Stripe, end to end over HTTP on a real PostgreSQL: the Checkout Session the
/// platform asks Stripe for (a local fake records it), the signed webhook granting access, forged, unsigned,
/// stale, replayed and out-of-order events, refunds, disputes and reconciliation from Stripe's API.
/// </summary>
[Collection(PaymentsCollection.Name)]
public sealed class StripePaymentTests(PaymentsFixture fixture)
{
    private PlatformProcesses Platform => fixture.Platform;

    [Fact]
    public async Task A_paid_course_is_locked_until_the_signed_webhook_and_locked_again_after_a_refund()
    {
        var (_, trainer) = await Actors.TrainerAsync(Platform);
        var courseId = await Actors.CourseAsync(trainer);
        var (learnerId, learner) = await Actors.LearnerAsync(Platform);

        // Before paying: the syllabus is public, the content, enrolment, forum and statements are not.
        var locked = await Actors.ReadAsync(await learner.GetAsync($"/api/courses/{courseId}"), HttpStatusCode.OK);
        Assert.True(locked.GetProperty("contentLocked").GetBoolean());
        Assert.All(Lessons(locked), l => Assert.Equal(JsonValueKind.Null, l.GetProperty("contentUrl").ValueKind));
        Assert.Equal(3, Lessons(locked).Count);
        await Problem.AssertAsync(await learner.PostAsJsonAsync($"/api/learners/{learnerId}/enrollments", new { courseId }), HttpStatusCode.Forbidden, "paid");
        Assert.Equal(HttpStatusCode.Forbidden, await Actors.StatusAsync(learner.GetAsync($"/api/courses/{courseId}/forum/threads")));
        await Problem.AssertAsync(await learner.PostAsJsonAsync("/xapi/statements", Actors.Completed(learnerId, courseId, "l1")), HttpStatusCode.Forbidden, "no access");
        await Problem.AssertAsync(await learner.PostAsync(new Uri($"/api/learners/{learnerId}/courses/{courseId}/certificate", UriKind.Relative), null), HttpStatusCode.Forbidden, "no access");

        // The order: what the platform asked Stripe for.
        var order = await Actors.ReadAsync(await learner.PostAsync(new Uri($"/api/courses/{courseId}/orders", UriKind.Relative), null), HttpStatusCode.Created);
        var orderId = order.GetProperty("id").GetString()!;
        var sessionId = order.GetProperty("checkoutSessionId").GetString()!;
        Assert.Equal("stripe", order.GetProperty("method").GetString());
        Assert.Equal("pending", order.GetProperty("status").GetString());
        Assert.Equal(4900, order.GetProperty("amount").GetInt64());
        Assert.Equal($"https://checkout.stripe.com/c/pay/{sessionId}", order.GetProperty("checkoutUrl").GetString());
        var sent = Assert.Single(fixture.Stripe.Requests, r => r.Form.GetValueOrDefault("client_reference_id") == orderId);
        Assert.Equal(("POST", "/v1/checkout/sessions"), (sent.Method, sent.Path));
        Assert.Equal("Bearer sk_test_fake_for_tests", sent.Authorization);
        Assert.Equal("checkout-" + orderId, sent.IdempotencyKey);
        Assert.Equal("payment", sent.Form["mode"]);
        Assert.Equal("4900", sent.Form["line_items[0][price_data][unit_amount]"]);
        Assert.Equal("eur", sent.Form["line_items[0][price_data][currency]"]);
        Assert.Equal("1", sent.Form["line_items[0][quantity]"]);
        Assert.Equal(orderId, sent.Form["metadata[orderId]"]);
        Assert.Equal(courseId, sent.Form["metadata[courseId]"]);
        Assert.Equal(learnerId, sent.Form["metadata[learnerId]"]);
        Assert.Equal(orderId, sent.Form["payment_intent_data[metadata][orderId]"]);
        Assert.Equal($"{PaymentsFixture.WebBaseUrl}/courses/{courseId}?order={orderId}", sent.Form["success_url"]);
        Assert.Equal($"{learnerId}@example.org", sent.Form["customer_email"]);

        // Stripe's signed event grants access and enrols.
        var paymentIntent = $"pi_test_{Guid.NewGuid():N}";
        var completed = StripeEvents.CheckoutCompleted(StripeEvents.NewEventId(), orderId, sessionId, paymentIntent, 4900, "eur", DateTimeOffset.UtcNow);
        var answer = await Actors.ReadAsync(await StripeEvents.PostSignedAsync(Platform.Client(admin: false), completed), HttpStatusCode.OK);
        Assert.Equal("paid: access granted", answer.GetProperty("outcome").GetString());

        var open = await Actors.ReadAsync(await learner.GetAsync($"/api/courses/{courseId}"), HttpStatusCode.OK);
        Assert.False(open.GetProperty("contentLocked").GetBoolean());
        // l1 and l3 have a link (the quiz l2 has none of its own).
        Assert.All(Lessons(open).Where(l => l.GetProperty("id").GetString() != "l2"), l => Assert.Equal("https://example.org/content", l.GetProperty("contentUrl").GetString()));
        var enrolments = await Actors.ReadAsync(await learner.GetAsync($"/api/learners/{learnerId}/enrollments"), HttpStatusCode.OK);
        Assert.Contains(enrolments.GetProperty("items").EnumerateArray(), e => e.GetProperty("courseId").GetString() == courseId);
        await Actors.ReadAsync(await learner.PostAsJsonAsync($"/api/courses/{courseId}/forum/threads", new { title = "Paid and in", body = "Hello" }), HttpStatusCode.Created);
        await Actors.ReadAsync(await learner.GetAsync($"/api/courses/{courseId}/lessons/l1/content"), HttpStatusCode.OK);
        await Actors.ReadAsync(await learner.PostAsJsonAsync("/xapi/statements", Actors.Completed(learnerId, courseId, "l1")), HttpStatusCode.OK);
        var evaluation = await Actors.ReadAsync(
            await learner.PostAsync(new Uri($"/api/learners/{learnerId}/courses/{courseId}/certificate", UriKind.Relative), null), HttpStatusCode.OK);
        Assert.False(evaluation.GetProperty("eligible").GetBoolean());

        // The same event again (Stripe retries; an attacker replays within the tolerance): nothing changes twice.
        var replay = await Actors.ReadAsync(await StripeEvents.PostSignedAsync(Platform.Client(admin: false), completed), HttpStatusCode.OK);
        Assert.Equal("no change: event already processed", replay.GetProperty("outcome").GetString());

        // A full refund, found through the payment intent: access withdrawn, history kept, no new progress.
        var refund = StripeEvents.ChargeRefunded(StripeEvents.NewEventId(), paymentIntent, 4900, "eur", DateTimeOffset.UtcNow);
        var refunded = await Actors.ReadAsync(await StripeEvents.PostSignedAsync(Platform.Client(admin: false), refund), HttpStatusCode.OK);
        Assert.Equal("refunded: access withdrawn", refunded.GetProperty("outcome").GetString());

        var access = await Actors.ReadAsync(await learner.GetAsync($"/api/learners/{learnerId}/courses/{courseId}/access"), HttpStatusCode.OK);
        Assert.False(access.GetProperty("hasAccess").GetBoolean());
        Assert.Equal("refunded", access.GetProperty("sources")[0].GetProperty("withdrawalReason").GetString());
        Assert.True((await Actors.ReadAsync(await learner.GetAsync($"/api/courses/{courseId}"), HttpStatusCode.OK)).GetProperty("contentLocked").GetBoolean());
        Assert.Equal(HttpStatusCode.Forbidden, await Actors.StatusAsync(learner.GetAsync($"/api/courses/{courseId}/forum/threads")));
        await Problem.AssertAsync(await learner.PostAsJsonAsync("/xapi/statements", Actors.Completed(learnerId, courseId, "l3")), HttpStatusCode.Forbidden, "no access");
        Assert.Equal(HttpStatusCode.Forbidden, await Actors.StatusAsync(learner.GetAsync($"/api/learners/{learnerId}/courses/{courseId}/recommendations")));

        // The same rule on lesson content, quiz attempts and practice.
        Assert.Equal(HttpStatusCode.Forbidden, await Actors.StatusAsync(learner.GetAsync($"/api/courses/{courseId}/lessons/l1/content")));
        await Problem.AssertAsync(
            await learner.PostAsync(new Uri($"/api/learners/{learnerId}/courses/{courseId}/lessons/l2/attempts", UriKind.Relative), null), HttpStatusCode.Forbidden, "no access");
        await Problem.AssertAsync(
            await learner.PostAsync(new Uri($"/api/learners/{learnerId}/courses/{courseId}/practice/npv/next", UriKind.Relative), null), HttpStatusCode.Forbidden, "no access");
        var progress = await Actors.ReadAsync(await learner.GetAsync($"/api/learners/{learnerId}/courses/{courseId}/progress"), HttpStatusCode.OK);
        Assert.Contains(progress.GetProperty("completedLessons").EnumerateArray(), l => l.GetString() == "l1");

        // A late completed event (a Stripe retry after the refund) does not grant again.
        var late = StripeEvents.CheckoutCompleted(StripeEvents.NewEventId(), orderId, sessionId, paymentIntent, 4900, "eur", DateTimeOffset.UtcNow.AddMinutes(-5));
        var lateAnswer = await Actors.ReadAsync(await StripeEvents.PostSignedAsync(Platform.Client(admin: false), late), HttpStatusCode.OK);
        Assert.Equal("no change: the order is already refunded", lateAnswer.GetProperty("outcome").GetString());
        var final = await Actors.ReadAsync(await learner.GetAsync($"/api/orders/{orderId}"), HttpStatusCode.OK);
        Assert.Equal("refunded", final.GetProperty("status").GetString());
        Assert.False(final.GetProperty("accessGranted").GetBoolean());
        Assert.Equal(paymentIntent, final.GetProperty("paymentIntentId").GetString());
        Assert.Equal(3, final.GetProperty("events").GetArrayLength());
    }

    [Fact]
    public async Task Forged_unsigned_stale_and_tampered_events_change_nothing()
    {
        var (_, trainer) = await Actors.TrainerAsync(Platform);
        var courseId = await Actors.CourseAsync(trainer);
        var (learnerId, learner) = await Actors.LearnerAsync(Platform);
        var order = await Actors.ReadAsync(await learner.PostAsync(new Uri($"/api/courses/{courseId}/orders", UriKind.Relative), null), HttpStatusCode.Created);
        var orderId = order.GetProperty("id").GetString()!;
        var sessionId = order.GetProperty("checkoutSessionId").GetString()!;
        var payload = StripeEvents.CheckoutCompleted(StripeEvents.NewEventId(), orderId, sessionId, "pi_test_forged", 4900, "eur", DateTimeOffset.UtcNow).ToJsonString();
        var anonymous = Platform.Client(admin: false);
        var now = DateTimeOffset.UtcNow;

        var attempts = new (string What, string? Signature, string Payload)[]
        {
            ("unsigned", null, payload),
            ("empty signature", string.Empty, payload),
            ("signed with another secret", StripeEvents.Signature(payload, "whsec_attacker_guess", now), payload),
            ("a v0 signature only", StripeEvents.Signature(payload, StripeEvents.WebhookSecret, now).Replace("v1=", "v0=", StringComparison.Ordinal), payload),
            ("signed an hour ago (a replay past the tolerance)", StripeEvents.Signature(payload, StripeEvents.WebhookSecret, now.AddHours(-1)), payload),
            ("body changed after signing", StripeEvents.Signature(payload, StripeEvents.WebhookSecret, now), payload.Replace("4900", "1", StringComparison.Ordinal)),
        };
        foreach (var (what, signature, body) in attempts)
        {
            using var response = await StripeEvents.PostAsync(anonymous, body, signature);
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{what}: {(int)response.StatusCode}");
        }

        var untouched = await Actors.ReadAsync(await learner.GetAsync($"/api/orders/{orderId}"), HttpStatusCode.OK);
        Assert.Equal("pending", untouched.GetProperty("status").GetString());
        Assert.Equal(0, untouched.GetProperty("events").GetArrayLength());
        var access = await Actors.ReadAsync(await learner.GetAsync($"/api/learners/{learnerId}/courses/{courseId}/access"), HttpStatusCode.OK);
        Assert.False(access.GetProperty("hasAccess").GetBoolean());

        // Correctly signed but for another amount than the order's: recorded, refused.
        var cheap = StripeEvents.CheckoutCompleted(StripeEvents.NewEventId(), orderId, sessionId, "pi_test_cheap", 100, "eur", DateTimeOffset.UtcNow);
        var refused = await Actors.ReadAsync(await StripeEvents.PostSignedAsync(anonymous, cheap), HttpStatusCode.OK);
        Assert.StartsWith("refused", refused.GetProperty("outcome").GetString(), StringComparison.Ordinal);
        Assert.False((await Actors.ReadAsync(await learner.GetAsync($"/api/learners/{learnerId}/courses/{courseId}/access"), HttpStatusCode.OK))
            .GetProperty("hasAccess").GetBoolean());
    }

    [Fact]
    public async Task A_refund_or_dispute_arriving_before_the_completed_session_wins_whatever_the_order()
    {
        var (_, trainer) = await Actors.TrainerAsync(Platform);
        var courseId = await Actors.CourseAsync(trainer);
        var (learnerId, learner) = await Actors.LearnerAsync(Platform);
        var anonymous = Platform.Client(admin: false);
        foreach (var early in new[] { "refund", "dispute" })
        {
            var order = await Actors.ReadAsync(await learner.PostAsync(new Uri($"/api/courses/{courseId}/orders", UriKind.Relative), null), HttpStatusCode.Created);
            var orderId = order.GetProperty("id").GetString()!;
            var paymentIntent = $"pi_test_{Guid.NewGuid():N}";
            var withdrawal = early == "refund"
                ? StripeEvents.ChargeRefunded(StripeEvents.NewEventId(), paymentIntent, 4900, "eur", DateTimeOffset.UtcNow)
                : StripeEvents.DisputeCreated(StripeEvents.NewEventId(), paymentIntent, 4900, "eur", DateTimeOffset.UtcNow);
            var parked = await Actors.ReadAsync(await StripeEvents.PostSignedAsync(anonymous, withdrawal), HttpStatusCode.OK);
            Assert.StartsWith("parked", parked.GetProperty("outcome").GetString(), StringComparison.Ordinal);

            var completed = StripeEvents.CheckoutCompleted(
                StripeEvents.NewEventId(), orderId, order.GetProperty("checkoutSessionId").GetString()!, paymentIntent, 4900, "eur", DateTimeOffset.UtcNow.AddSeconds(-30));
            await Actors.ReadAsync(await StripeEvents.PostSignedAsync(anonymous, completed), HttpStatusCode.OK);

            var final = await Actors.ReadAsync(await learner.GetAsync($"/api/orders/{orderId}"), HttpStatusCode.OK);
            Assert.Equal(early == "refund" ? "refunded" : "disputed", final.GetProperty("status").GetString());
            Assert.False(final.GetProperty("accessGranted").GetBoolean());
            var access = await Actors.ReadAsync(await learner.GetAsync($"/api/learners/{learnerId}/courses/{courseId}/access"), HttpStatusCode.OK);
            Assert.False(access.GetProperty("hasAccess").GetBoolean());
        }
    }

    [Fact]
    public async Task A_dispute_after_payment_withdraws_access()
    {
        var (_, trainer) = await Actors.TrainerAsync(Platform);
        var courseId = await Actors.CourseAsync(trainer);
        var (learnerId, learner) = await Actors.LearnerAsync(Platform);
        var anonymous = Platform.Client(admin: false);
        var order = await Actors.ReadAsync(await learner.PostAsync(new Uri($"/api/courses/{courseId}/orders", UriKind.Relative), null), HttpStatusCode.Created);
        var orderId = order.GetProperty("id").GetString()!;
        var paymentIntent = $"pi_test_{Guid.NewGuid():N}";
        await Actors.ReadAsync(await StripeEvents.PostSignedAsync(anonymous, StripeEvents.CheckoutCompleted(
            StripeEvents.NewEventId(), orderId, order.GetProperty("checkoutSessionId").GetString()!, paymentIntent, 4900, "eur", DateTimeOffset.UtcNow)), HttpStatusCode.OK);
        Assert.True((await Actors.ReadAsync(await learner.GetAsync($"/api/learners/{learnerId}/courses/{courseId}/access"), HttpStatusCode.OK)).GetProperty("hasAccess").GetBoolean());

        var dispute = await Actors.ReadAsync(await StripeEvents.PostSignedAsync(anonymous,
            StripeEvents.DisputeCreated(StripeEvents.NewEventId(), paymentIntent, 4900, "eur", DateTimeOffset.UtcNow)), HttpStatusCode.OK);
        Assert.Equal("disputed: access withdrawn", dispute.GetProperty("outcome").GetString());
        Assert.False((await Actors.ReadAsync(await learner.GetAsync($"/api/learners/{learnerId}/courses/{courseId}/access"), HttpStatusCode.OK)).GetProperty("hasAccess").GetBoolean());
        Assert.Equal(HttpStatusCode.Forbidden, await Actors.StatusAsync(learner.GetAsync($"/api/courses/{courseId}/forum/threads")));
    }

    [Fact]
    public async Task A_dispute_won_gives_access_back_and_a_dispute_lost_keeps_it_withdrawn_whatever_the_order_of_events()
    {
        var (_, trainer) = await Actors.TrainerAsync(Platform);
        var courseId = await Actors.CourseAsync(trainer);
        var anonymous = Platform.Client(admin: false);

        // outcome: how Stripe closes the dispute; closedFirst: the closing event arrives before the opening one.
        foreach (var (outcome, closedFirst) in new[] { ("won", false), ("lost", false), ("won", true) })
        {
            var (learnerId, learner) = await Actors.LearnerAsync(Platform);
            var order = await Actors.ReadAsync(await learner.PostAsync(new Uri($"/api/courses/{courseId}/orders", UriKind.Relative), null), HttpStatusCode.Created);
            var orderId = order.GetProperty("id").GetString()!;
            var paymentIntent = $"pi_test_{Guid.NewGuid():N}";
            await Actors.ReadAsync(await StripeEvents.PostSignedAsync(anonymous, StripeEvents.CheckoutCompleted(
                StripeEvents.NewEventId(), orderId, order.GetProperty("checkoutSessionId").GetString()!, paymentIntent, 4900, "eur", DateTimeOffset.UtcNow)), HttpStatusCode.OK);
            await Actors.ReadAsync(await learner.PostAsJsonAsync("/xapi/statements", Actors.Completed(learnerId, courseId, "l1")), HttpStatusCode.OK);

            var disputeId = $"dp_test_{Guid.NewGuid():N}";
            var opened = StripeEvents.DisputeCreated(StripeEvents.NewEventId(), paymentIntent, 4900, "eur", DateTimeOffset.UtcNow.AddMinutes(-5), disputeId);
            var closed = StripeEvents.DisputeClosed(StripeEvents.NewEventId(), disputeId, outcome, paymentIntent, 4900, "eur", DateTimeOffset.UtcNow);
            var sequence = closedFirst ? new[] { closed, opened } : [opened, closed];

            var first = await Actors.ReadAsync(await StripeEvents.PostSignedAsync(anonymous, sequence[0]), HttpStatusCode.OK);
            if (!closedFirst)
            {
                Assert.Equal("disputed: access withdrawn", first.GetProperty("outcome").GetString());
                Assert.False(await HasAccessAsync(learner, learnerId, courseId));
                Assert.Equal(HttpStatusCode.Forbidden, await Actors.StatusAsync(learner.GetAsync($"/api/courses/{courseId}/forum/threads")));
                await Problem.AssertAsync(await learner.PostAsJsonAsync("/xapi/statements", Actors.Completed(learnerId, courseId, "l3")), HttpStatusCode.Forbidden, "no access");
            }

            var second = await Actors.ReadAsync(await StripeEvents.PostSignedAsync(anonymous, sequence[1]), HttpStatusCode.OK);
            // Replaying both (Stripe retries) changes nothing.
            foreach (var replay in sequence)
            {
                var again = await Actors.ReadAsync(await StripeEvents.PostSignedAsync(anonymous, replay), HttpStatusCode.OK);
                Assert.StartsWith("no change", again.GetProperty("outcome").GetString(), StringComparison.Ordinal);
            }

            var final = await Actors.ReadAsync(await learner.GetAsync($"/api/orders/{orderId}"), HttpStatusCode.OK);
            var restored = outcome == "won";
            Assert.Equal(restored ? "paid" : "disputed", final.GetProperty("status").GetString());
            Assert.Equal(restored, final.GetProperty("accessGranted").GetBoolean());
            Assert.Equal(restored, await HasAccessAsync(learner, learnerId, courseId));
            Assert.Equal(restored ? HttpStatusCode.OK : HttpStatusCode.Forbidden, await Actors.StatusAsync(learner.GetAsync($"/api/courses/{courseId}/forum/threads")));
            if (closedFirst)
            {
                // The opening event, arriving after the dispute was won, withdrew nothing.
                Assert.StartsWith("no change", second.GetProperty("outcome").GetString(), StringComparison.Ordinal);
            }
            else
            {
                Assert.Equal(restored ? $"paid: dispute {disputeId} won, access restored" : $"no change: dispute {disputeId} lost, the order stays disputed",
                    second.GetProperty("outcome").GetString());
            }

            // The history stays either way: the lesson completed before the dispute.
            var progress = await Actors.ReadAsync(await learner.GetAsync($"/api/learners/{learnerId}/courses/{courseId}/progress"), HttpStatusCode.OK);
            Assert.Contains(progress.GetProperty("completedLessons").EnumerateArray(), l => l.GetString() == "l1");
        }
    }

    private static async Task<bool> HasAccessAsync(HttpClient learner, string learnerId, string courseId) =>
        (await Actors.ReadAsync(await learner.GetAsync($"/api/learners/{learnerId}/courses/{courseId}/access"), HttpStatusCode.OK)).GetProperty("hasAccess").GetBoolean();

    [Fact]
    public async Task A_lost_webhook_is_made_good_by_reconciling_from_stripe()
    {
        var (_, trainer) = await Actors.TrainerAsync(Platform);
        var courseId = await Actors.CourseAsync(trainer);
        var (learnerId, learner) = await Actors.LearnerAsync(Platform);
        var order = await Actors.ReadAsync(await learner.PostAsync(new Uri($"/api/courses/{courseId}/orders", UriKind.Relative), null), HttpStatusCode.Created);
        var orderId = order.GetProperty("id").GetString()!;
        var sessionId = order.GetProperty("checkoutSessionId").GetString()!;

        // Not paid yet at Stripe: reconciling changes nothing.
        var unpaid = await Actors.ReadAsync(await learner.PostAsync(new Uri($"/api/orders/{orderId}/reconciliation", UriKind.Relative), null), HttpStatusCode.OK);
        Assert.Equal("pending", unpaid.GetProperty("status").GetString());

        // Paid at Stripe, webhook never delivered (the platform was down past Stripe's retries).
        var paymentIntent = $"pi_test_{Guid.NewGuid():N}";
        fixture.Stripe.MarkPaid(sessionId, paymentIntent);
        var reconciled = await Actors.ReadAsync(await learner.PostAsync(new Uri($"/api/orders/{orderId}/reconciliation", UriKind.Relative), null), HttpStatusCode.OK);
        Assert.Equal("paid", reconciled.GetProperty("status").GetString());
        Assert.True(reconciled.GetProperty("accessGranted").GetBoolean());
        Assert.Equal(paymentIntent, reconciled.GetProperty("paymentIntentId").GetString());
        Assert.Contains(fixture.Stripe.Requests, r => r.Method == "GET" && r.Path == $"/v1/checkout/sessions/{sessionId}");

        // The webhook arriving after all: no second grant, no error.
        var late = await Actors.ReadAsync(await StripeEvents.PostSignedAsync(Platform.Client(admin: false), StripeEvents.CheckoutCompleted(
            StripeEvents.NewEventId(), orderId, sessionId, paymentIntent, 4900, "eur", DateTimeOffset.UtcNow)), HttpStatusCode.OK);
        Assert.Equal("no change: already paid", late.GetProperty("outcome").GetString());
        var access = await Actors.ReadAsync(await learner.GetAsync($"/api/learners/{learnerId}/courses/{courseId}/access"), HttpStatusCode.OK);
        Assert.Single(access.GetProperty("sources").EnumerateArray());

        // Someone else's order is not theirs to read.
        var (_, other) = await Actors.LearnerAsync(Platform);
        Assert.Equal(HttpStatusCode.NotFound, await Actors.StatusAsync(other.GetAsync($"/api/orders/{orderId}")));
        Assert.Equal(HttpStatusCode.Forbidden, await Actors.StatusAsync(learner.PostAsJsonAsync($"/api/orders/{orderId}/payment", new { reference = "me" })));
    }

    [Fact]
    public async Task The_certificate_is_refused_before_payment_and_issued_after_the_signed_webhook()
    {
        var (_, trainer) = await Actors.TrainerAsync(Platform);
        var courseId = Payloads.NewId("course");
        var course = Payloads.Course(courseId, paid: true);
        course["modules"]![0]!["lessons"] = new System.Text.Json.Nodes.JsonArray(Payloads.Lesson("l1", "video", []));
        await Actors.ReadAsync(await trainer.PostAsJsonAsync("/api/courses", course), HttpStatusCode.Created);
        await Actors.ReadAsync(await trainer.PostAsync(new Uri($"/api/courses/{courseId}/publish", UriKind.Relative), null), HttpStatusCode.OK);
        var (learnerId, learner) = await Actors.LearnerAsync(Platform);

        await Problem.AssertAsync(await learner.PostAsJsonAsync("/xapi/statements", Actors.Completed(learnerId, courseId, "l1")), HttpStatusCode.Forbidden, "no access");
        // The paid-course rule answers first (403), before the route looks for an enrolment.
        Assert.Equal(HttpStatusCode.Forbidden, await Actors.StatusAsync(learner.PostAsync(new Uri($"/api/learners/{learnerId}/courses/{courseId}/certificate", UriKind.Relative), null)));

        var order = await Actors.ReadAsync(await learner.PostAsync(new Uri($"/api/courses/{courseId}/orders", UriKind.Relative), null), HttpStatusCode.Created);
        await Actors.ReadAsync(await StripeEvents.PostSignedAsync(Platform.Client(admin: false), StripeEvents.CheckoutCompleted(
            StripeEvents.NewEventId(), order.GetProperty("id").GetString()!, order.GetProperty("checkoutSessionId").GetString()!,
            $"pi_test_{Guid.NewGuid():N}", 4900, "eur", DateTimeOffset.UtcNow)), HttpStatusCode.OK);

        await Actors.ReadAsync(await learner.PostAsJsonAsync("/xapi/statements", Actors.Completed(learnerId, courseId, "l1")), HttpStatusCode.OK);
        var evaluation = await Actors.ReadAsync(
            await learner.PostAsync(new Uri($"/api/learners/{learnerId}/courses/{courseId}/certificate", UriKind.Relative), null), HttpStatusCode.OK);
        Assert.True(evaluation.GetProperty("eligible").GetBoolean());
        var certificateId = evaluation.GetProperty("certificate").GetProperty("id").GetString()!;
        var verified = await Actors.ReadAsync(await Platform.Client(admin: false).GetAsync($"/api/certificates/{certificateId}"), HttpStatusCode.OK);
        Assert.True(verified.GetProperty("valid").GetBoolean());
        Assert.Equal("certificate", verified.GetProperty("kind").GetString());
    }

    [Fact]
    public async Task An_acknowledged_payment_survives_a_silo_killed_right_after_it()
    {
        var (_, trainer) = await Actors.TrainerAsync(Platform);
        var courseId = await Actors.CourseAsync(trainer);
        var (learnerId, learner) = await Actors.LearnerAsync(Platform);
        var order = await Actors.ReadAsync(await learner.PostAsync(new Uri($"/api/courses/{courseId}/orders", UriKind.Relative), null), HttpStatusCode.Created);
        var orderId = order.GetProperty("id").GetString()!;
        var completed = StripeEvents.CheckoutCompleted(
            StripeEvents.NewEventId(), orderId, order.GetProperty("checkoutSessionId").GetString()!, $"pi_test_{Guid.NewGuid():N}", 4900, "eur", DateTimeOffset.UtcNow);
        await Actors.ReadAsync(await StripeEvents.PostSignedAsync(Platform.Client(admin: false), completed), HttpStatusCode.OK);

        // kill -9 as soon as Stripe got its 200: nothing that was acknowledged may be lost.
        Platform.KillSilo();
        await Platform.RestartSiloAsync();

        var access = await Actors.ReadAsync(await learner.GetAsync($"/api/learners/{learnerId}/courses/{courseId}/access"), HttpStatusCode.OK);
        Assert.True(access.GetProperty("hasAccess").GetBoolean());
        var after = await Actors.ReadAsync(await learner.GetAsync($"/api/orders/{orderId}"), HttpStatusCode.OK);
        Assert.Equal(("paid", true), (after.GetProperty("status").GetString(), after.GetProperty("accessGranted").GetBoolean()));

        // Stripe's retry after the restart is recognised.
        var retry = await Actors.ReadAsync(await StripeEvents.PostSignedAsync(Platform.Client(admin: false), completed), HttpStatusCode.OK);
        Assert.Equal("no change: event already processed", retry.GetProperty("outcome").GetString());
    }

    [Fact]
    public async Task Free_courses_enrol_as_before_and_cannot_be_ordered()
    {
        var (_, trainer) = await Actors.TrainerAsync(Platform);
        var courseId = await Actors.CourseAsync(trainer, paid: false);
        var (learnerId, learner) = await Actors.LearnerAsync(Platform);
        Assert.False((await Actors.ReadAsync(await learner.GetAsync($"/api/courses/{courseId}"), HttpStatusCode.OK)).GetProperty("contentLocked").GetBoolean());
        await Actors.ReadAsync(await learner.PostAsJsonAsync($"/api/learners/{learnerId}/enrollments", new { courseId }), HttpStatusCode.Created);
        await Problem.AssertAsync(await learner.PostAsync(new Uri($"/api/courses/{courseId}/orders", UriKind.Relative), null), HttpStatusCode.Conflict, "free");
    }

    private static List<JsonElement> Lessons(JsonElement course) =>
        [.. course.GetProperty("modules").EnumerateArray().SelectMany(m => m.GetProperty("lessons").EnumerateArray())];
}
