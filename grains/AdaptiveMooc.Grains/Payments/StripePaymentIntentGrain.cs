using AdaptiveMooc.Grains.Abstractions;
using AdaptiveMooc.Grains.Abstractions.Payments;

namespace AdaptiveMooc.Grains.Payments;

[GrainType("stripe-payment-intent")]
internal sealed class StripePaymentIntentGrain(
    [PersistentState("payment-intent", StorageNames.Default)] IPersistentState<PaymentIntentState> state) : Grain, IStripePaymentIntentGrain
{
    // Refunds and disputes of one payment: a handful at most; the bound keeps a flood of forged-but-signed
    // events (a leaked endpoint secret) from growing the state without limit.
    private const int MaxParked = 50;

    public async Task<IReadOnlyList<StripeEventFacts>> Link(string orderId)
    {
        ArgumentException.ThrowIfNullOrEmpty(orderId);
        if (state.State.OrderId == orderId && state.State.Parked.Count == 0)
        {
            return [];
        }

        var parked = state.State.Parked;
        state.State.OrderId = orderId;
        state.State.Parked = [];
        await state.WriteStateAsync();
        return parked;
    }

    public Task<string?> GetOrderId() => Task.FromResult(state.State.OrderId);

    public async Task<string?> Park(StripeEventFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        if (state.State.OrderId is { } orderId)
        {
            return orderId;
        }

        if (state.State.Parked.Count < MaxParked && state.State.Parked.All(p => p.EventId != facts.EventId))
        {
            state.State.Parked.Add(facts);
            await state.WriteStateAsync();
        }

        return null;
    }
}
