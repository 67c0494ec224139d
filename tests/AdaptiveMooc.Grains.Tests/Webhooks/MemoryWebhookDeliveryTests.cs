using AdaptiveMooc.Grains.Webhooks;

namespace AdaptiveMooc.Grains.Tests.Webhooks;

public sealed class MemoryWebhookDeliveryTests : WebhookDeliveryScenarios
{
    private protected override IWebhookStore Store { get; } = new MemoryWebhookStore();
}
