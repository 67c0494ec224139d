namespace AdaptiveMooc.Grains.Webhooks;

/// <summary>A receiver whose host is, or resolves to, an address deliveries may not reach.</summary>
internal sealed class WebhookAddressRefusedException : IOException
{
    public WebhookAddressRefusedException()
        : base(WebhookConnector.Refused)
    {
    }

    public WebhookAddressRefusedException(string message)
        : base(message)
    {
    }

    public WebhookAddressRefusedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
