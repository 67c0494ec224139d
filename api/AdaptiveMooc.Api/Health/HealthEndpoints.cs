using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace AdaptiveMooc.Api.Health;

/// <summary>
/// <c>/alive</c>: the process runs. <c>/health</c>: every registered check (cluster, database, and
/// models) — 200 when all are healthy or degraded (models unavailable or a model failed to load: the
/// platform still serves, on priors or the previous model), 503 when any is unhealthy, with a JSON body
/// naming each check and its status; descriptions and data (paths, errors) only for admins.
/// </summary>
public static class HealthEndpoints
{
    public static IServiceCollection AddMoocHealthChecks(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddCheck<ClusterHealthCheck>("cluster")
            .AddCheck<DatabaseHealthCheck>("database")
            .AddCheck<ModelsHealthCheck>("models");
        return services;
    }

    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        routes.MapGet("/alive", () => TypedResults.Ok(new { status = "alive" })).WithName("Alive").WithTags("Health").AllowAnonymous();
        routes.MapHealthChecks("/health", new HealthCheckOptions { ResponseWriter = WriteAsync }).WithName("Health").AllowAnonymous();
        return routes;
    }

    private static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        context.Response.Headers.CacheControl = "no-store";

        // Descriptions and data carry file paths and exception texts: admins only. Anyone else (load
        // balancers, uptime probes) gets the statuses, which is all they act on.
        var admin = context.User.HasClaim(Security.MoocClaims.Kind, nameof(Security.CallerKind.Admin));
        var body = new
        {
            status = report.Status.ToString().ToLowerInvariant(),
            checks = report.Entries.ToDictionary(
                e => e.Key,
                e => admin
                    ? (object)new
                    {
                        status = e.Value.Status.ToString().ToLowerInvariant(),
                        description = e.Value.Description,
                        data = e.Value.Data.Count == 0 ? null : e.Value.Data,
                    }
                    : new { status = e.Value.Status.ToString().ToLowerInvariant() }),
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body, JsonSerializerOptions.Web));
    }
}
