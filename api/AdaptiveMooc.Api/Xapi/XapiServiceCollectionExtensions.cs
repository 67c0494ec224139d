namespace AdaptiveMooc.Api.Xapi;

public static class XapiServiceCollectionExtensions
{
    /// <summary>Options of the xAPI routes: the statement quota per learner (<c>Mooc:Xapi:MaxStatementsPerLearner</c>, at least 1).</summary>
    public static IServiceCollection AddXapiIngest(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<XapiOptions>()
            .Configure<IConfiguration>((o, c) => o.MaxStatementsPerLearner = c.GetValue("Mooc:Xapi:MaxStatementsPerLearner", XapiOptions.DefaultMaxStatementsPerLearner))
            .Validate(o => o.MaxStatementsPerLearner >= 1, "Mooc:Xapi:MaxStatementsPerLearner must be at least 1.")
            .ValidateOnStart();
        return services;
    }
}
