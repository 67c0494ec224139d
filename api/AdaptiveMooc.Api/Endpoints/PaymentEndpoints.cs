using AdaptiveMooc.Api.Contracts;
using AdaptiveMooc.Api.Http;
using AdaptiveMooc.Api.Payments;
using AdaptiveMooc.Api.Security;
using AdaptiveMooc.Grains.Abstractions.Common;
using AdaptiveMooc.Grains.Abstractions.Courses;
using AdaptiveMooc.Grains.Abstractions.Learners;
using AdaptiveMooc.Grains.Abstractions.Payments;
using AdaptiveMooc.Grains.Abstractions.Providers;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Stripe;

namespace AdaptiveMooc.Api.Endpoints;

/// <summary>
/// Buying paid courses (docs/PAYMENTS.md): orders paid through Stripe Checkout, or by hand when no Stripe
/// key is configured; the signed Stripe webhook; reconciliation from Stripe's API; a learner's access.
/// </summary>
public static partial class PaymentEndpoints
{
    private const int MaxReferenceLength = 200;

    public static IEndpointRouteBuilder MapPaymentEndpoints(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapPost("/api/courses/{courseId}/orders", CreateOrder).WithTags("Payments").WithName("CreateOrder")
            .WithSummary("Orders a paid course for the calling learner: a Stripe Checkout page, or a manual order to pay by transfer.");
        var orders = app.MapGroup("/api/orders").WithTags("Payments");
        orders.MapGet("/{orderId}", GetOrder).WithName("GetOrder").WithSummary("An order with its events.");
        orders.MapPost("/{orderId}/payment", MarkPaid).WithName("MarkOrderPaid")
            .WithSummary("Marks a manual order paid (bank transfer, invoice): the provider's admins and admins; audited.");
        orders.MapPost("/{orderId}/refund", MarkRefunded).WithName("RefundManualOrder")
            .WithSummary("Records the refund of a manual order and withdraws access: the provider's admins and admins; audited.");
        orders.MapPost("/{orderId}/reconciliation", Reconcile).WithName("ReconcileOrder")
            .WithSummary("Reads the order's Checkout Session from Stripe's API and applies it (a webhook lost or not yet retried).");
        app.MapPost("/api/payments/stripe/webhook", Webhook).WithTags("Payments").WithName("StripeWebhook").AllowAnonymous()
            .WithSummary("Stripe's webhook: only events signed with the endpoint secret are accepted.");
        app.MapGet("/api/learners/{learnerId}/courses/{courseId}/access", GetAccess).WithTags("Payments").WithName("GetCourseAccess")
            .WithSummary("Whether the learner may use the course, and through which orders, vouchers or grants.");
        return app;
    }

    public static IServiceCollection AddPayments(this IServiceCollection services)
    {
        services.AddOptions<StripeOptions>().BindConfiguration(StripeOptions.Section)
            .Validate(o => o.ToleranceSeconds is > 0 and <= 3600, "Mooc:Stripe:ToleranceSeconds must be 1-3600.")
            .ValidateOnStart();
        services.AddSingleton(sp => new StripeGateway(sp.GetRequiredService<IOptions<StripeOptions>>().Value));
        return services;
    }

    private static async Task<Results<Created<OrderResponse>, ProblemHttpResult>> CreateOrder(
        string courseId, HttpContext context, IGrainFactory grains, StripeGateway stripe, TimeProvider clock)
    {
        var caller = context.Caller();
        if (!caller.IsLearner)
        {
            return Problems.Forbidden("Learners order courses for themselves (providers grant seats through vouchers or grants).");
        }

        var course = Ids.IsValid(courseId) ? await grains.ByKey<ICourseGrain>(courseId).Get() : null;
        if (course is not { Published: true })
        {
            return Problems.NotFound($"Course '{courseId}' does not exist.");
        }

        var pricing = course.Definition.Pricing;
        if (!pricing.IsPaid || Pricing.ToMinorUnits(pricing.Price ?? 0, pricing.Currency ?? string.Empty) is not { } amount)
        {
            return Problems.Conflict($"Course '{courseId}' is free: enrol directly.", "courseId");
        }

        if (await CourseAccess.LearnerHasAccessAsync(grains, course, caller.Id))
        {
            return Problems.Conflict($"You already have access to course '{courseId}'.", "courseId");
        }

        var orderId = Guid.NewGuid().ToString("N");
        var method = stripe.CheckoutConfigured ? PaymentMethods.Stripe : PaymentMethods.Manual;
        var request = new OrderRequest(caller.Id, courseId, course.Definition.ProviderId, amount, pricing.Currency!, method, clock.GetUtcNow());
        var order = grains.ByKey<IOrderGrain>(orderId);
        var created = await order.Create(request);
        if (!created.Succeeded)
        {
            return Problems.From(created);
        }

        if (request.ProviderId is { } providerId)
        {
            await grains.ByKey<IProviderGrain>(providerId).AddOrder(orderId);
        }

        if (method == PaymentMethods.Stripe)
        {
            var email = (await grains.ByKey<ILearnerGrain>(caller.Id).GetProfile())?.Email;
            CheckoutSessionInfo session;
            try
            {
                session = await stripe.CreateCheckoutAsync(new CheckoutRequest(
                    orderId, caller.Id, email, courseId, course.Definition.Title, request.ProviderId, amount, request.Currency), context.RequestAborted);
            }
            catch (StripeException exception)
            {
                // The order stays pending and unpaid; nothing was charged. Ordering again makes a new one.
                return TypedResults.Problem(
                    title: "Payment provider unavailable.", statusCode: StatusCodes.Status502BadGateway,
                    detail: $"Stripe refused to create the checkout page ({exception.StripeError?.Code ?? "no code"}); try again later.");
            }

            await order.AttachCheckout(session.Id, session.Url);
        }

        return TypedResults.Created($"/api/orders/{orderId}", OrderResponse.From((await order.Get())!));
    }

    private static async Task<Results<Ok<OrderResponse>, ProblemHttpResult>> GetOrder(string orderId, HttpContext context, IGrainFactory grains)
    {
        var (order, denied) = await FindAsync(grains, context.Caller(), orderId, learnerMayRead: true);
        return order is null ? denied! : TypedResults.Ok(OrderResponse.From(order));
    }

    private static async Task<Results<Ok<OrderResponse>, ProblemHttpResult>> MarkPaid(
        string orderId, ManualPaymentBody? body, HttpContext context, IGrainFactory grains, TimeProvider clock)
    {
        var (order, denied) = await FindAsync(grains, context.Caller(), orderId, learnerMayRead: false);
        if (order is null)
        {
            return denied!;
        }

        // The contract's call has no body: the reference is then recorded as not given (the audit names who confirmed).
        var reference = "no reference given";
        if (body?.Reference is not null && !RequiredText.TryRead(body.Reference, "reference", MaxReferenceLength, out reference, out var problem))
        {
            return problem;
        }

        var grain = grains.ByKey<IOrderGrain>(orderId);
        var result = await grain.MarkPaid(context.Caller().Id, reference, clock.GetUtcNow());
        if (!result.Succeeded)
        {
            return Problems.From(result);
        }

        await context.AuditAsync("order.mark-paid", $"order:{orderId}", $"course={order.Request.CourseId} learner={order.Request.LearnerId} reference={reference}");
        return TypedResults.Ok(OrderResponse.From((await grain.Get())!));
    }

    private static async Task<Results<Ok<OrderResponse>, ProblemHttpResult>> MarkRefunded(
        string orderId, ManualRefundBody? body, HttpContext context, IGrainFactory grains, TimeProvider clock)
    {
        var (order, denied) = await FindAsync(grains, context.Caller(), orderId, learnerMayRead: false);
        if (order is null)
        {
            return denied!;
        }

        if (!RequiredText.TryRead(body?.Reason, "reason", MaxReferenceLength, out var reason, out var problem))
        {
            return problem;
        }

        var grain = grains.ByKey<IOrderGrain>(orderId);
        var result = await grain.MarkRefunded(context.Caller().Id, reason, clock.GetUtcNow());
        if (!result.Succeeded)
        {
            return Problems.From(result);
        }

        await context.AuditAsync("order.refund", $"order:{orderId}", $"course={order.Request.CourseId} learner={order.Request.LearnerId} reason={reason}");
        return TypedResults.Ok(OrderResponse.From((await grain.Get())!));
    }

    private static async Task<Results<Ok<OrderResponse>, ProblemHttpResult>> Reconcile(
        string orderId, HttpContext context, IGrainFactory grains, StripeGateway stripe, TimeProvider clock)
    {
        var (order, denied) = await FindAsync(grains, context.Caller(), orderId, learnerMayRead: true);
        if (order is null)
        {
            return denied!;
        }

        if (order.Request.Method != PaymentMethods.Stripe || order.CheckoutSessionId is not { } sessionId)
        {
            return Problems.Conflict($"Order '{orderId}' has no Stripe Checkout Session to reconcile.");
        }

        if (!stripe.CheckoutConfigured)
        {
            return Problems.Conflict("Stripe is not configured (Mooc:Stripe:SecretKey): nothing to read the session from.");
        }

        StripeEventFacts facts;
        try
        {
            facts = await stripe.ReadCheckoutAsync(sessionId, clock.GetUtcNow(), context.RequestAborted);
        }
        catch (StripeException exception)
        {
            return TypedResults.Problem(
                title: "Payment provider unavailable.", statusCode: StatusCodes.Status502BadGateway,
                detail: $"Stripe did not return session {sessionId} ({exception.StripeError?.Code ?? "no code"}); try again later.");
        }

        var grain = grains.ByKey<IOrderGrain>(orderId);
        await grain.ApplyStripe(facts);
        await context.AuditAsync("order.reconcile", $"order:{orderId}", $"session={sessionId} paymentStatus={facts.PaymentStatus}");
        return TypedResults.Ok(OrderResponse.From((await grain.Get())!));
    }

    /// <summary>
    /// The one anonymous write: the body is verified against the <c>Stripe-Signature</c> header with the endpoint
    /// secret before anything is read from it. A bad or missing signature, or a signature older than the tolerance
    /// (a replay), is a 400 and changes nothing. A verified event is applied to its order; the order keeps event
    /// ids, so Stripe's retries and replays of a verified event change nothing twice.
    /// </summary>
    private static async Task<Results<Ok<WebhookAnswer>, ProblemHttpResult>> Webhook(
        HttpRequest request, IGrainFactory grains, StripeGateway stripe, ILogger<StripeGateway> logger)
    {
        var signature = request.Headers["Stripe-Signature"].ToString();
        if (string.IsNullOrEmpty(signature))
        {
            return Problems.BadRequest("The Stripe-Signature header is required: unsigned events are refused.", "Stripe-Signature");
        }

        string payload;
        using (var reader = new StreamReader(request.Body))
        {
            payload = await reader.ReadToEndAsync(request.HttpContext.RequestAborted);
        }

        Event stripeEvent;
        try
        {
            stripeEvent = stripe.Verify(payload, signature);
        }
        catch (StripeException exception)
        {
            LogRefused(logger, exception.Message);
            return Problems.BadRequest("The event's signature does not verify with the endpoint secret (or is older than the tolerance); nothing was changed.", "Stripe-Signature");
        }

        if (StripeGateway.Facts(stripeEvent) is not { } parsed)
        {
            return TypedResults.Ok(new WebhookAnswer(stripeEvent.Id, stripeEvent.Type, "ignored: not an event the platform acts on"));
        }

        var (facts, orderId) = parsed;
        if (orderId is null && facts.PaymentIntentId is { } paymentIntent)
        {
            // A refund or dispute names the payment intent; before the order has linked it, the event waits there.
            orderId = await grains.ByKey<IStripePaymentIntentGrain>(paymentIntent).Park(facts);
            if (orderId is null)
            {
                return TypedResults.Ok(new WebhookAnswer(facts.EventId, facts.Type, "parked: the payment is not linked to an order yet"));
            }
        }

        if (orderId is null || orderId.Length > 64)
        {
            return TypedResults.Ok(new WebhookAnswer(facts.EventId, facts.Type, "ignored: no order of this platform"));
        }

        var outcome = await grains.ByKey<IOrderGrain>(orderId).ApplyStripe(facts);
        return TypedResults.Ok(new WebhookAnswer(facts.EventId, facts.Type, outcome));
    }

    private static async Task<Results<Ok<CourseAccessResponse>, ProblemHttpResult>> GetAccess(
        string learnerId, string courseId, HttpContext context, IGrainFactory grains, CourseAccess access)
    {
        var caller = context.Caller();
        if (LearnerAccess.Check(caller, learnerId) is { } denied)
        {
            var course = Ids.IsValid(courseId) ? await grains.ByKey<ICourseGrain>(courseId).Get() : null;
            if (caller.IsLearner || course is null || !await access.IsProviderAdminAsync(caller, course))
            {
                return denied;
            }
        }

        var snapshot = Ids.IsValid(courseId) ? await grains.ByKey<ICourseGrain>(courseId).Get() : null;
        if (snapshot is null || !Ids.IsValid(learnerId))
        {
            return Problems.NotFound($"Course '{courseId}' does not exist.");
        }

        var sources = await grains.ByKey<ICourseEntitlementGrain>(ICourseEntitlementGrain.KeyOf(learnerId, courseId)).GetSources();
        return TypedResults.Ok(new CourseAccessResponse(
            learnerId, courseId, snapshot.Definition.Pricing.IsPaid, await CourseAccess.LearnerHasAccessAsync(grains, snapshot, learnerId), sources));
    }

    /// <summary>
    /// An order for this caller: the provider's admins and admins manage it; its learner reads it (and
    /// reconciles it) when <paramref name="learnerMayRead"/>. Other learners get 404, everyone else 403.
    /// </summary>
    private static async Task<(OrderSnapshot? Order, ProblemHttpResult? Denied)> FindAsync(
        IGrainFactory grains, Caller caller, string orderId, bool learnerMayRead)
    {
        var notFound = Problems.NotFound($"Order '{orderId}' does not exist.");
        var order = orderId.Length is > 0 and <= 64 && orderId.All(char.IsAsciiLetterOrDigit)
            ? await grains.ByKey<IOrderGrain>(orderId).Get()
            : null;
        if (order is null)
        {
            return (null, caller.IsAdmin || caller.IsLearner ? notFound : Problems.Forbidden("Only a provider's admins and admins manage orders."));
        }

        if (await CourseAccess.ManagesProviderAsync(grains, caller, order.Request.ProviderId))
        {
            return (order, null);
        }

        if (caller.IsLearner)
        {
            return learnerMayRead && caller.Id == order.Request.LearnerId
                ? (order, null)
                : (null, caller.Id == order.Request.LearnerId
                    ? Problems.Forbidden("The course's provider marks a manual order paid or refunded.")
                    : notFound);
        }

        return (null, Problems.Forbidden("Only a provider's admins and admins manage orders."));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Stripe webhook refused: {Reason}")]
    private static partial void LogRefused(ILogger logger, string reason);
}
