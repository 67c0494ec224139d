using AdaptiveMooc.Grains.Abstractions.Payments;
using Stripe;
using Stripe.Checkout;

namespace AdaptiveMooc.Api.Payments;

/// <summary>
/// The platform's calls to Stripe: create a Checkout Session for an order, read one back to reconcile,
/// and turn a verified event into the facts the order grain decides on. The HTTP handler can be replaced
/// (tests record what is sent and answer canned JSON; nothing reaches the internet).
/// </summary>
public sealed class StripeGateway
{
    public const string OrderIdKey = "orderId";

    private readonly StripeOptions options;
    private readonly StripeClient? client;

    public StripeGateway(StripeOptions options, HttpMessageHandler? handler = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.options = options;
        if (options.CheckoutConfigured)
        {
            var http = handler is null ? new HttpClient() : new HttpClient(handler, disposeHandler: false);
            http.Timeout = TimeSpan.FromSeconds(30);
            client = new StripeClient(options.SecretKey, httpClient: new SystemNetHttpClient(http), apiBase: options.ApiBase);
        }
    }

    public bool CheckoutConfigured => client is not null;

    public async Task<CheckoutSessionInfo> CreateCheckoutAsync(CheckoutRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var stripe = client ?? throw new InvalidOperationException("Stripe is not configured (Mooc:Stripe:SecretKey).");
        var web = options.WebBaseUrl.TrimEnd('/');
        var metadata = new Dictionary<string, string>
        {
            [OrderIdKey] = request.OrderId,
            ["courseId"] = request.CourseId,
            ["learnerId"] = request.LearnerId,
        };
        if (request.ProviderId is { } provider)
        {
            metadata["providerId"] = provider;
        }

        var create = new SessionCreateOptions
        {
            Mode = "payment",
            ClientReferenceId = request.OrderId,
            CustomerEmail = request.LearnerEmail,
            LineItems =
            [
                new SessionLineItemOptions
                {
                    Quantity = 1,
                    PriceData = new SessionLineItemPriceDataOptions
                    {
                        Currency = request.Currency.ToLowerInvariant(),
                        UnitAmount = request.AmountMinor,
                        ProductData = new SessionLineItemPriceDataProductDataOptions { Name = request.CourseTitle },
                    },
                },
            ],
            Metadata = metadata,
            // Refunds and disputes name the payment intent; its metadata leads them back to the order too.
            PaymentIntentData = new SessionPaymentIntentDataOptions { Metadata = new Dictionary<string, string>(metadata) },
            SuccessUrl = $"{web}/courses/{request.CourseId}?order={request.OrderId}",
            CancelUrl = $"{web}/courses/{request.CourseId}?order={request.OrderId}&cancelled=true",
        };

        // The order id as idempotency key: a retried create (a timeout, a crash) gets the same session back.
        var session = await new SessionService(stripe).CreateAsync(
            create, new RequestOptions { IdempotencyKey = "checkout-" + request.OrderId }, cancellationToken);
        return new CheckoutSessionInfo(session.Id, session.Url);
    }

    /// <summary>Reads a Checkout Session from Stripe's API, as reconciliation facts.</summary>
    public async Task<StripeEventFacts> ReadCheckoutAsync(string sessionId, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var stripe = client ?? throw new InvalidOperationException("Stripe is not configured (Mooc:Stripe:SecretKey).");
        var session = await new SessionService(stripe).GetAsync(sessionId, cancellationToken: cancellationToken);
        return new StripeEventFacts(
            $"reconciliation-{Guid.NewGuid():N}", StripeEventFacts.Reconciliation, now, session.Id, session.PaymentIntentId, null,
            session.PaymentStatus, session.AmountTotal, session.Currency, false);
    }

    /// <summary>
    /// Verifies Stripe's signature (<c>Stripe-Signature: t=...,v1=...</c>, HMAC-SHA256 of <c>{t}.{payload}</c>
    /// with the endpoint secret, <c>t</c> within the tolerance) and parses the event; throws
    /// <see cref="StripeException"/> when it does not verify.
    /// </summary>
    public Event Verify(string payload, string signatureHeader)
    {
        var secret = options.WebhookSecret;
        if (string.IsNullOrWhiteSpace(secret))
        {
            throw new StripeException("No webhook secret is configured (Mooc:Stripe:WebhookSecret): no event can be verified.");
        }

        return EventUtility.ConstructEvent(payload, signatureHeader, secret, options.ToleranceSeconds, throwOnApiVersionMismatch: false);
    }

    /// <summary>The facts of an event the platform acts on, with the order id its metadata names; null for other events.</summary>
    public static (StripeEventFacts Facts, string? OrderId)? Facts(Event stripeEvent)
    {
        ArgumentNullException.ThrowIfNull(stripeEvent);
        var created = new DateTimeOffset(DateTime.SpecifyKind(stripeEvent.Created, DateTimeKind.Utc));
        switch (stripeEvent.Data?.Object)
        {
            case Session session when stripeEvent.Type is StripeEventFacts.CheckoutCompleted or StripeEventFacts.AsyncPaymentSucceeded:
                var orderId = session.Metadata is { } m && m.TryGetValue(OrderIdKey, out var id) ? id : session.ClientReferenceId;
                return (new StripeEventFacts(stripeEvent.Id, stripeEvent.Type, created, session.Id, session.PaymentIntentId, null,
                    session.PaymentStatus, session.AmountTotal, session.Currency, false), orderId);
            case Charge charge when stripeEvent.Type == StripeEventFacts.ChargeRefunded:
                return (new StripeEventFacts(stripeEvent.Id, stripeEvent.Type, created, null, charge.PaymentIntentId, charge.Id,
                    null, charge.AmountRefunded, charge.Currency, charge.Refunded), MetadataOrder(charge.Metadata));
            case Dispute dispute when stripeEvent.Type is StripeEventFacts.DisputeCreated or StripeEventFacts.DisputeClosed:
                return (new StripeEventFacts(stripeEvent.Id, stripeEvent.Type, created, null, dispute.PaymentIntentId, dispute.ChargeId,
                    null, dispute.Amount, dispute.Currency, false, dispute.Id, dispute.Status), MetadataOrder(dispute.Metadata));
            default:
                return null;
        }
    }

    private static string? MetadataOrder(Dictionary<string, string>? metadata) =>
        metadata is not null && metadata.TryGetValue(OrderIdKey, out var id) ? id : null;
}
