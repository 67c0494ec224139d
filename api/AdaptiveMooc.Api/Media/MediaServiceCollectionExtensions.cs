namespace AdaptiveMooc.Api.Media;

public static class MediaServiceCollectionExtensions
{
    /// <summary>The media store (local disk), its limits (<c>Mooc:Media</c>) and the signer of media links.</summary>
    public static IServiceCollection AddMoocMedia(this IServiceCollection services)
    {
        services.AddOptions<MediaOptions>().BindConfiguration(MediaOptions.Section)
            .Validate(o => o.MaxFileBytes >= 1024 && o.MaxCourseBytes >= o.MaxFileBytes && o.MaxCourseFiles >= 1,
                "Mooc:Media needs MaxFileBytes >= 1024, MaxCourseBytes >= MaxFileBytes and MaxCourseFiles >= 1.")
            .Validate(o => o.LinkLifetimeSeconds is >= 30 and <= 86_400, "Mooc:Media:LinkLifetimeSeconds must be 30-86400.")
            .ValidateOnStart();
        services.AddSingleton<IMediaStore, LocalDiskMediaStore>();
        services.AddSingleton<MediaLinks>();
        return services;
    }
}
