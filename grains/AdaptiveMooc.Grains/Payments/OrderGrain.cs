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

        await GrainFactory.ByKey<ILearnerPurchasesGrain>(request.LearnerId).AddOrder(OrderId);
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

                if (state.State.Status == OrderStatus.Disputed && state.State.PaidAt is null)
                {
                    // The payment is recorded (a dispute won later gives access back), but an open dispute withholds it.
                    state.State.CheckoutSessionId ??= facts.CheckoutSessionId;
                    state.State.PaymentIntentId ??= facts.PaymentIntentId;
                    state.State.PaidAt = facts.Created;
                    state.State.PaymentReference = facts.PaymentIntentId;
                    return "no change: paid, but the order is disputed";
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

            case StripeEventFacts.DisputeCreated or StripeEventFacts.DisputeClosed:
                return Dispute(facts);

            case StripeEventFacts.ChargeRefunded:
                if (!facts.FullyRefunded)
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
                state.State.Status = OrderStatus.Refunded;
                state.State.WithdrawnAt = facts.Created;
                return $"{state.State.Status}: access withdrawn";

            default:
                return $"ignored: event type {facts.Type}";
        }
    }

    /// <summary>
    /// A dispute's opening or closing. Each dispute is kept by id with its state, so either event may come first
    /// and replays change nothing: a dispute closed before its creation is seen stays closed. The order is disputed
    /// (access withdrawn) while any dispute is open or was lost; once every dispute is won (or was an inquiry closed
    /// without a chargeback) a paid order is paid again and access comes back. A refund stays final.
    /// </summary>
    private string Dispute(StripeEventFacts facts)
    {
        var key = facts.DisputeId ?? facts.ChargeId ?? facts.EventId;
        var known = state.State.Disputes.GetValueOrDefault(key);
        state.State.PaymentIntentId ??= facts.PaymentIntentId;
        if (facts.Type == StripeEventFacts.DisputeCreated)
        {
            if (known is not null)
            {
                return $"no change: dispute {key} is already {known}";
            }

            state.State.Disputes[key] = "open";
        }
        else
        {
            var closing = string.IsNullOrEmpty(facts.DisputeStatus) ? "closed" : facts.DisputeStatus;
            if (known is not (null or "open"))
            {
                return $"no change: dispute {key} was already closed ({known})";
            }

            state.State.Disputes[key] = closing;
        }

        if (state.State.Status == OrderStatus.Refunded)
        {
            return $"no change: the order is refunded (dispute {key} {state.State.Disputes[key]})";
        }

        var withheld = state.State.Disputes.Values.Any(v => v is not ("won" or "warning_closed"));
        var before = state.State.Status;
        if (withheld)
        {
            state.State.Status = OrderStatus.Disputed;
            if (before != OrderStatus.Disputed)
            {
                state.State.WithdrawnAt = facts.Created;
            }
        }
        else
        {
            state.State.Status = state.State.PaidAt is null ? OrderStatus.Pending : OrderStatus.Paid;
            state.State.WithdrawnAt = null;
        }

        return (before, state.State.Status) switch
        {
            (_, OrderStatus.Disputed) when before != OrderStatus.Disputed => "disputed: access withdrawn",
            (OrderStatus.Disputed, OrderStatus.Paid) => $"paid: dispute {key} {state.State.Disputes[key]}, access restored",
            _ => $"no change: dispute {key} {state.State.Disputes[key]}, the order stays {state.State.Status}",
        };
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
