namespace AdaptiveMooc.Api.Xapi;

public static class XapiServiceCollectionExtensions
{
    /// <summary>Services of the xAPI routes (the registered-learner cache of <c>POST /xapi/statements</c>).</summary>
    public static IServiceCollection AddXapiIngest(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddSingleton<RegisteredLearners>();
        return services;
    }
}
