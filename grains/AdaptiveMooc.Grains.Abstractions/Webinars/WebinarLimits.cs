namespace AdaptiveMooc.Grains.Abstractions.Webinars;

public static class WebinarLimits
{
    public const int TitleMaxLength = 200;
    public const int MaxCapacity = 10_000;
    public const int MaxMinutes = 24 * 60;
    public const int JoinUrlMaxLength = 2_000;
}
