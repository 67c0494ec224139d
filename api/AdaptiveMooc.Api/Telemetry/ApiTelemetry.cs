using AdaptiveMooc.Api.Contracts;
using AdaptiveMooc.Api.Http;
using AdaptiveMooc.Api.Security;
using AdaptiveMooc.ServiceDefaults;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;
using OpenTelemetry.Metrics;
using Orleans.Dashboard;

namespace AdaptiveMooc.Api.Telemetry;

/// <summary>
/// The API's telemetry and operator surfaces (docs/OPERATIONS.md, "Telemetry"): OpenTelemetry with Npgsql and
/// Orleans client spans, <c>GET /metrics</c> (Prometheus text; admins, or any caller from the loopback), and the
/// Orleans dashboard at <c>/admin/dashboard/</c> (admins, from the loopback unless <c>Mooc:Dashboard:AllowRemote</c>).
/// </summary>
public static class ApiTelemetry
{
    public const string ServiceName = "adaptivemooc-api";
    public const string MetricsPolicy = "mooc:metrics";
    public const string DashboardPolicy = "mooc:dashboard";

    public static WebApplicationBuilder AddMoocApiTelemetry(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddMoocTelemetry(
            ServiceName,
            tracing: t => t.AddSource(MoocTelemetry.OrleansActivitySources).AddNpgsql(),
            metrics: m => m.AddNpgsqlInstrumentation().AddPrometheusExporter());
        var allowRemote = builder.Configuration.GetValue("Mooc:Dashboard:AllowRemote", false);
        builder.Services.AddSingleton<DashboardSessions>();
        builder.Services.AddSingleton<IAuthorizationHandler, OperatorAccessHandler>();
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(MetricsPolicy, p => p.AddRequirements(OperatorAccess.Metrics))
            .AddPolicy(DashboardPolicy, p => p.AddRequirements(OperatorAccess.Dashboard(allowRemote)));
        return builder;
    }

    /// <summary>On the API's Orleans client: trace context in grain calls when tracing is on; the dashboard's client side.</summary>
    public static IClientBuilder UseMoocObservability(this IClientBuilder client, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(configuration);
        if (MoocTelemetry.TracingEnabled(configuration))
        {
            client.AddActivityPropagation();
        }

        if (DashboardEnabled(configuration))
        {
            client.AddDashboard();
        }

        return client;
    }

    public static WebApplication MapTelemetryEndpoints(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        // The exporter's middleware on a branch of its own, behind a minimal-API route: the route carries the
        // authorization policy and appears in the OpenAPI description like every other.
        var scrape = ((IEndpointRouteBuilder)app).CreateApplicationBuilder()
            .UseOpenTelemetryPrometheusScrapingEndpoint(_ => true)
            .Build();
        app.MapGet("/metrics", async (HttpContext context) =>
            {
                await scrape(context);
                return Results.Empty;
            })
            .WithTags("Operations").WithName("GetMetrics")
            .WithSummary("Prometheus scrape of this API process (admins, or any caller from 127.0.0.1).")
            .Produces<string>(StatusCodes.Status200OK, "text/plain")
            .RequireAuthorization(MetricsPolicy);

        if (DashboardEnabled(app.Configuration))
        {
            app.MapPost("/api/admin/dashboard/sessions", OpenDashboardSession)
                .WithTags("Operations").WithName("OpenDashboardSession")
                .WithSummary("A one-time ticket that signs a browser in to the Orleans dashboard (admin only).")
                .RequireAuthorization(MoocPolicies.Admin);

            // The dashboard's own pages and data routes (the Microsoft.Orleans.Dashboard package); not part of the
            // public API description.
            app.MapGet(DashboardSessions.Path + "/signin", SignIn).AllowAnonymous().ExcludeFromDescription();
            app.MapOrleansDashboard(DashboardSessions.Path).RequireAuthorization(DashboardPolicy).ExcludeFromDescription();
        }

        return app;
    }

    private static bool DashboardEnabled(IConfiguration configuration) => configuration.GetValue("Mooc:Dashboard:Enabled", true);

    private static async Task<Created<DashboardSessionResponse>> OpenDashboardSession(DashboardSessions sessions, HttpContext context)
    {
        var (ticket, expires) = sessions.OpenTicket();
        await context.AuditAsync("dashboard.session", "dashboard");
        var url = $"{DashboardSessions.Path}/signin?ticket={ticket}";
        return TypedResults.Created(url, new DashboardSessionResponse(url, expires));
    }

    /// <summary>Trades a ticket for the dashboard cookie, then shows the dashboard.</summary>
    private static Results<RedirectHttpResult, ProblemHttpResult> SignIn(string? ticket, HttpContext context, DashboardSessions sessions, IConfiguration configuration)
    {
        if (!configuration.GetValue("Mooc:Dashboard:AllowRemote", false) && !OperatorAccess.IsLoopback(context.Connection.RemoteIpAddress))
        {
            return Problems.Forbidden("The dashboard answers callers on this machine only (Mooc:Dashboard:AllowRemote).");
        }

        if (sessions.Redeem(ticket) is not { } session)
        {
            return TypedResults.Problem(
                "The dashboard ticket is unknown, used or expired: open the dashboard again from the admin page.",
                statusCode: StatusCodes.Status401Unauthorized);
        }

        context.Response.Cookies.Append(DashboardSessions.CookieName, session, new CookieOptions
        {
            HttpOnly = true,
            Secure = context.Request.IsHttps,
            SameSite = SameSiteMode.Lax,
            Path = DashboardSessions.Path,
            MaxAge = DashboardSessions.SessionLifetime,
        });
        return TypedResults.Redirect(DashboardSessions.Path + "/");
    }
}
