namespace AdaptiveMooc.Grains.Abstractions.Forums;

/// <summary>Bounds on what one request may store; the API rejects anything larger with a 400.</summary>
public static class ForumLimits
{
    public const int TitleMaxLength = 200;
    public const int BodyMaxLength = 10_000;
    public const int MaxTags = 5;
    public const int TagMaxLength = 32;
    public const int ReasonMaxLength = 1_000;
}
