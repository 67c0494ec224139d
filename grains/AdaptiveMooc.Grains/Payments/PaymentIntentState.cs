using AdaptiveMooc.Grains.Abstractions.Payments;

namespace AdaptiveMooc.Grains.Payments;

[GenerateSerializer]
[Alias("mooc.PaymentIntentState")]
internal sealed class PaymentIntentState
{
    [Id(0)] public string? OrderId { get; set; }

    [Id(1)] public List<StripeEventFacts> Parked { get; set; } = [];
}
