namespace AdaptiveMooc.Grains.Webhooks;

/// <summary>The <c>status</c> column of <c>webhook_outbox</c>.</summary>
internal enum DeliveryStatus : short
{
    Pending = 0,
    Delivered = 1,
    Dead = 2,
}
