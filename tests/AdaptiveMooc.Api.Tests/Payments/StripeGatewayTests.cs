using System.Net;
using System.Text;
using AdaptiveMooc.Api.Payments;
using AdaptiveMooc.Grains.Abstractions.Payments;
using Stripe;

namespace AdaptiveMooc.Api.Tests.Payments;

/// <summary>
/// The gateway with a fake HTTP handler injected into Stripe.net's client: what the platform sends to create
/// a Checkout Session, and how verified events become the facts orders decide on. No network.
/// </summary>
public sealed class StripeGatewayTests
{
    private static readonly StripeOptions Options = new()
    {
        SecretKey = "sk_test_unit",
        WebhookSecret = StripeEvents.WebhookSecret,
        WebBaseUrl = "https://learn.example.org/",
    };

    [Fact]
    public async Task Checkout_sends_the_orders_price_currency_metadata_and_return_addresses()
    {
        using var handler = new RecordingHandler("""
            {"id":"cs_test_unit","object":"checkout.session","url":"https://checkout.stripe.com/c/pay/cs_test_unit","payment_status":"unpaid"}
            """);
        var gateway = new StripeGateway(Options, handler);

        var session = await gateway.CreateCheckoutAsync(new CheckoutRequest("order1", "ada", "ada@example.org", "finance", "Intro to finance", "uni", 4950, "EUR"));

        Assert.Equal(new CheckoutSessionInfo("cs_test_unit", "https://checkout.stripe.com/c/pay/cs_test_unit"), session);
        var request = Assert.Single(handler.Requests);
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal("https://api.stripe.com/v1/checkout/sessions", request.Uri.ToString());
        Assert.Equal("Bearer sk_test_unit", request.Authorization);
        Assert.Equal("checkout-order1", request.IdempotencyKey);
        var form = request.Form;
        Assert.Equal("payment", form["mode"]);
        Assert.Equal("order1", form["client_reference_id"]);
        Assert.Equal("4950", form["line_items[0][price_data][unit_amount]"]);
        Assert.Equal("eur", form["line_items[0][price_data][currency]"]);
        Assert.Equal("Intro to finance", form["line_items[0][price_data][product_data][name]"]);
        Assert.Equal("1", form["line_items[0][quantity]"]);
        Assert.Equal("order1", form["metadata[orderId]"]);
        Assert.Equal("finance", form["metadata[courseId]"]);
        Assert.Equal("ada", form["metadata[learnerId]"]);
        Assert.Equal("uni", form["metadata[providerId]"]);
        Assert.Equal("order1", form["payment_intent_data[metadata][orderId]"]);
        Assert.Equal("https://learn.example.org/courses/finance?order=order1", form["success_url"]);
        Assert.Equal("https://learn.example.org/courses/finance?order=order1&cancelled=true", form["cancel_url"]);
        Assert.Equal("ada@example.org", form["customer_email"]);
    }

    [Fact]
    public void Only_events_signed_with_the_endpoint_secret_and_recent_enough_verify()
    {
        var gateway = new StripeGateway(Options);
        var payload = StripeEvents.CheckoutCompleted("evt_1", "order1", "cs_1", "pi_1", 4900, "eur", DateTimeOffset.UtcNow).ToJsonString();

        var verified = gateway.Verify(payload, StripeEvents.Signature(payload, StripeEvents.WebhookSecret, DateTimeOffset.UtcNow));
        var (facts, orderId) = StripeGateway.Facts(verified)!.Value;
        Assert.Equal("order1", orderId);
        Assert.Equal(new StripeEventFacts("evt_1", StripeEventFacts.CheckoutCompleted, facts.Created, "cs_1", "pi_1", null, "paid", 4900, "eur", false), facts);

        Assert.Throws<StripeException>(() => gateway.Verify(payload, StripeEvents.Signature(payload, "whsec_wrong", DateTimeOffset.UtcNow)));
        Assert.Throws<StripeException>(() => gateway.Verify(payload, StripeEvents.Signature(payload, StripeEvents.WebhookSecret, DateTimeOffset.UtcNow.AddMinutes(-6))));
        Assert.Throws<StripeException>(() => gateway.Verify(payload + " ", StripeEvents.Signature(payload, StripeEvents.WebhookSecret, DateTimeOffset.UtcNow)));
        Assert.Throws<StripeException>(() => new StripeGateway(new StripeOptions()).Verify(payload, StripeEvents.Signature(payload, StripeEvents.WebhookSecret, DateTimeOffset.UtcNow)));
    }

    [Fact]
    public void Refunds_and_disputes_name_their_payment_intent_and_partial_refunds_are_told_apart()
    {
        var gateway = new StripeGateway(Options);
        var refund = StripeEvents.ChargeRefunded("evt_r", "pi_9", 4900, "eur", DateTimeOffset.UtcNow);
        refund["data"]!["object"]!["refunded"] = false;
        refund["data"]!["object"]!["amount_refunded"] = 1000;
        var payload = refund.ToJsonString();
        var (facts, orderId) = StripeGateway.Facts(gateway.Verify(payload, StripeEvents.Signature(payload, StripeEvents.WebhookSecret, DateTimeOffset.UtcNow)))!.Value;
        Assert.Null(orderId);
        Assert.Equal(("pi_9", false, 1000L), (facts.PaymentIntentId, facts.FullyRefunded, facts.Amount!.Value));

        var dispute = StripeEvents.DisputeCreated("evt_d", "pi_9", 4900, "eur", DateTimeOffset.UtcNow).ToJsonString();
        var (disputeFacts, _) = StripeGateway.Facts(gateway.Verify(dispute, StripeEvents.Signature(dispute, StripeEvents.WebhookSecret, DateTimeOffset.UtcNow)))!.Value;
        Assert.Equal((StripeEventFacts.DisputeCreated, "pi_9"), (disputeFacts.Type, disputeFacts.PaymentIntentId));
    }

    private sealed class RecordingHandler(string answer) : HttpMessageHandler
    {
        public List<(HttpMethod Method, Uri Uri, string? Authorization, string? IdempotencyKey, Dictionary<string, string> Form)> Requests { get; } = [];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var body = request.Content is null ? string.Empty : await request.Content.ReadAsStringAsync(cancellationToken);
            var form = body.Split('&', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split('=', 2))
                .ToDictionary(p => WebUtility.UrlDecode(p[0]), p => p.Length > 1 ? WebUtility.UrlDecode(p[1]) : string.Empty);
            Requests.Add((request.Method, request.RequestUri!, request.Headers.Authorization?.ToString(),
                request.Headers.TryGetValues("Idempotency-Key", out var keys) ? keys.Single() : null, form));
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(answer, Encoding.UTF8, "application/json") };
        }
    }
}
