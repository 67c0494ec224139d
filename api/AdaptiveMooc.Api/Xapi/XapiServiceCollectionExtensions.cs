namespace AdaptiveMooc.Api.Xapi;

public static class XapiServiceCollectionExtensions
{
    /// <summary>The statement quota per learner of the xAPI routes (<c>Mooc:Xapi:MaxStatementsPerLearner</c>, at least 1) and its checker.</summary>
    public static IServiceCollection AddXapiIngest(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<XapiOptions>()
            .Configure<IConfiguration>((o, c) => o.MaxStatementsPerLearner = c.GetValue("Mooc:Xapi:MaxStatementsPerLearner", XapiOptions.DefaultMaxStatementsPerLearner))
            .Validate(o => o.MaxStatementsPerLearner >= 1, "Mooc:Xapi:MaxStatementsPerLearner must be at least 1.")
            .ValidateOnStart();
        services.AddSingleton<StatementQuota>();
        services.AddSingleton<XapiInterpreter>();
        return services;
    }
}
