namespace AdaptiveMooc.Grains.Abstractions.Webhooks;

public static class WebhookLimits
{
    /// <summary>Webhooks one owner (an API key, or the admins together) may hold at once.</summary>
    public const int MaxPerOwner = 20;

    public const int UrlMaxLength = 2_000;

    /// <summary>Dead letters shown with each webhook, newest first.</summary>
    public const int DeadLettersShown = 10;
}
