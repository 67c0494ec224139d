using AdaptiveMooc.Grains.Abstractions;
using AdaptiveMooc.Grains.Abstractions.Common;
using AdaptiveMooc.Grains.Abstractions.Learners;
using AdaptiveMooc.Grains.Abstractions.Payments;

namespace AdaptiveMooc.Grains.Payments;

/// <summary>
/// One order. The order's status is written first, then the learner's entitlement follows it, then the
/// order notes that it did (<see cref="OrderState.AccessGranted"/>): a crash between the two writes
/// leaves a difference the next call (Stripe's retry of the event, a reconciliation, any read) completes.
/// Stripe event ids are kept with the order, so a replayed event changes nothing; refunded and disputed
/// are final, so an event arriving late (a completed session after its refund) cannot grant again.
/// </summary>
[GrainType("order")]
internal sealed class OrderGrain(
    [PersistentState("order", StorageNames.Default)] IPersistentState<OrderState> state,
    TimeProvider clock) : Grain, IOrderGrain
{
    // Events of one order: a completion, a refund or two, a dispute, retries. Past the bound the oldest
    // ids are dropped; replaying one of those is harmless (paid is idempotent, withdrawn is final).
    private const int MaxEvents = 200;

    private string OrderId => this.GetPrimaryKeyString();

    public async Task<CommandResult> Create(OrderRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (state.State.Request is not null)
        {
            return CommandResult.Conflict($"Order '{OrderId}' already exists.", "id");
        }

        state.State.Request = request;
        state.State.Status = OrderStatus.Pending;
        await state.WriteStateAsync();
        return CommandResult.Created;
    }

    public async Task<OrderSnapshot?> Get()
    {
        if (state.State.Request is null)
        {
            return null;
        }

        await SyncAccess();
        return Snapshot();
    }

    public async Task AttachCheckout(string sessionId, string url)
    {
        ArgumentException.ThrowIfNullOrEmpty(sessionId);
        if (state.State.Request is null || state.State.CheckoutSessionId == sessionId)
        {
            return;
        }

        state.State.CheckoutSessionId = sessionId;
        state.State.CheckoutUrl = url;
        await state.WriteStateAsync();
    }

    public async Task<string> ApplyStripe(StripeEventFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        if (state.State.Request is null)
        {
            return $"ignored: order '{OrderId}' does not exist";
        }

        await SyncAccess();
        var outcome = await Apply(facts);
        await SyncAccess();
        return outcome;
    }

    /// <summary>Applies one event, then those parked at its payment intent; access follows once, after all of them.</summary>
    private async Task<string> Apply(StripeEventFacts facts)
    {
        if (state.State.Events.Any(e => e.Id == facts.EventId))
        {
            return "no change: event already processed";
        }

        var outcome = Decide(state.State.Request!, facts);
        Record(new OrderEvent(facts.EventId, facts.Type, facts.Created, clock.GetUtcNow(), outcome, "stripe", facts.ChargeId ?? facts.CheckoutSessionId));
        await state.WriteStateAsync();

        if (state.State.PaymentIntentId is { } paymentIntent && !state.State.PaymentIntentLinked)
        {
            var parked = await GrainFactory.ByKey<IStripePaymentIntentGrain>(paymentIntent).Link(OrderId);
            state.State.PaymentIntentLinked = true;
            await state.WriteStateAsync();
            foreach (var early in parked)
            {
                await Apply(early);
            }
        }

        return outcome;
    }

    public async Task<CommandResult> MarkPaid(string by, string reference, DateTimeOffset at)
    {
        if (state.State.Request is not { } request)
        {
            return CommandResult.NotFound($"Order '{OrderId}' does not exist.");
        }

        if (request.Method != PaymentMethods.Manual)
        {
            return CommandResult.Conflict($"Order '{OrderId}' is paid through Stripe, not by hand.");
        }

        if (state.State.Status != OrderStatus.Pending)
        {
            return CommandResult.Conflict($"Order '{OrderId}' is {state.State.Status}, not pending.");
        }

        state.State.Status = OrderStatus.Paid;
        state.State.PaidAt = at;
        state.State.PaymentReference = reference;
        Record(new OrderEvent($"manual-{Guid.NewGuid():N}", "manual.paid", at, clock.GetUtcNow(), "paid", by, reference));
        await state.WriteStateAsync();
        await SyncAccess();
        return CommandResult.Ok;
    }

    public async Task<CommandResult> MarkRefunded(string by, string reason, DateTimeOffset at)
    {
        if (state.State.Request is not { } request)
        {
            return CommandResult.NotFound($"Order '{OrderId}' does not exist.");
        }

        if (request.Method != PaymentMethods.Manual)
        {
            return CommandResult.Conflict($"Order '{OrderId}' is refunded through Stripe (its charge.refunded event withdraws access).");
        }

        if (state.State.Status != OrderStatus.Paid)
        {
            return CommandResult.Conflict($"Order '{OrderId}' is {state.State.Status}, not paid.");
        }

        state.State.Status = OrderStatus.Refunded;
        state.State.WithdrawnAt = at;
        Record(new OrderEvent($"manual-{Guid.NewGuid():N}", "manual.refunded", at, clock.GetUtcNow(), "refunded: access withdrawn", by, reason));
        await state.WriteStateAsync();
        await SyncAccess();
        return CommandResult.Ok;
    }

    private string Decide(OrderRequest request, StripeEventFacts facts)
    {
        if (request.Method != PaymentMethods.Stripe)
        {
            return "ignored: a manual order";
        }

        switch (facts.Type)
        {
            case StripeEventFacts.CheckoutCompleted or StripeEventFacts.AsyncPaymentSucceeded or StripeEventFacts.Reconciliation:
                if (state.State.CheckoutSessionId is { } known && facts.CheckoutSessionId != known)
                {
                    return $"ignored: session {facts.CheckoutSessionId} is not this order's session {known}";
                }

                if (facts.PaymentStatus != "paid")
                {
                    return $"no change: the session's payment status is {facts.PaymentStatus ?? "unknown"}";
                }

                if (facts.Amount != request.AmountMinor || !string.Equals(facts.Currency, request.Currency, StringComparison.OrdinalIgnoreCase))
                {
                    return $"refused: paid {facts.Amount} {facts.Currency}, the order is {request.AmountMinor} {request.Currency}";
                }

                if (OrderStatus.IsWithdrawn(state.State.Status))
                {
                    return $"no change: the order is already {state.State.Status}";
                }

                state.State.CheckoutSessionId ??= facts.CheckoutSessionId;
                state.State.PaymentIntentId ??= facts.PaymentIntentId;
                if (state.State.Status == OrderStatus.Paid)
                {
                    return "no change: already paid";
                }

                state.State.Status = OrderStatus.Paid;
                state.State.PaidAt = facts.Created;
                state.State.PaymentReference = facts.PaymentIntentId;
                return "paid: access granted";

            case StripeEventFacts.ChargeRefunded or StripeEventFacts.DisputeCreated:
                if (facts.Type == StripeEventFacts.ChargeRefunded && !facts.FullyRefunded)
                {
                    return "no change: a partial refund keeps access";
                }

                if (OrderStatus.IsWithdrawn(state.State.Status))
                {
                    return $"no change: the order is already {state.State.Status}";
                }

                // A refund or dispute seen before the completed session (Stripe does not order events) is
                // final too: the late completion then finds the order withdrawn and grants nothing.
                state.State.PaymentIntentId ??= facts.PaymentIntentId;
                state.State.Status = facts.Type == StripeEventFacts.ChargeRefunded ? OrderStatus.Refunded : OrderStatus.Disputed;
                state.State.WithdrawnAt = facts.Created;
                return $"{state.State.Status}: access withdrawn";

            default:
                return $"ignored: event type {facts.Type}";
        }
    }

    private void Record(OrderEvent orderEvent)
    {
        state.State.Events.Add(orderEvent);
        if (state.State.Events.Count > MaxEvents)
        {
            state.State.Events.RemoveAt(0);
        }
    }

    /// <summary>Makes the entitlement follow the status, then notes it (see the class remarks).</summary>
    private async Task SyncAccess()
    {
        var request = state.State.Request!;
        var wanted = state.State.Status == OrderStatus.Paid;
        if (wanted == state.State.AccessGranted)
        {
            return;
        }

        var entitlement = GrainFactory.ByKey<ICourseEntitlementGrain>(ICourseEntitlementGrain.KeyOf(request.LearnerId, request.CourseId));
        var source = $"{AccessSource.Order}:{OrderId}";
        if (wanted)
        {
            await entitlement.Grant(source, AccessSource.Order, request.Method, state.State.PaidAt ?? clock.GetUtcNow());
        }
        else
        {
            await entitlement.Withdraw(source, state.State.Status, state.State.WithdrawnAt ?? clock.GetUtcNow());
        }

        state.State.AccessGranted = wanted;
        await state.WriteStateAsync();
        if (wanted)
        {
            // Buying enrols: an enrolment that exists already (or a course unpublished meanwhile) is left as it is.
            await GrainFactory.ByKey<ILearnerGrain>(request.LearnerId).Enroll(
                new EnrolmentRequest(request.CourseId, null, source, clock.GetUtcNow()));
        }
    }

    private OrderSnapshot Snapshot()
    {
        var s = state.State;
        return new OrderSnapshot(OrderId, s.Request!, s.Status, s.PaidAt, s.WithdrawnAt, s.CheckoutSessionId, s.CheckoutUrl,
            s.PaymentIntentId, s.PaymentReference, [.. s.Events], s.AccessGranted);
    }
}
