using System.Text.Json.Serialization;
using AdaptiveMooc.Api.Endpoints;
using AdaptiveMooc.Api.Health;
using AdaptiveMooc.Api.Security;
using AdaptiveMooc.Api.Xapi;
using AdaptiveMooc.Grains.Abstractions.Learners;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Identity;
using Scalar.AspNetCore;

namespace AdaptiveMooc.Api.Http;

/// <summary>The HTTP surface of the backbone: JSON, errors, limits, OpenAPI, docs and the routes.</summary>
public static class ApiSetup
{
    public static WebApplicationBuilder AddMoocApi(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddProblemDetails(o => o.CustomizeProblemDetails = c => c.ProblemDetails.Detail ??= DefaultDetail(c.ProblemDetails.Status));
        services.AddExceptionHandler<BadRequestExceptionHandler>();
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.Configure<JsonOptions>(o =>
        {
            o.SerializerOptions.RespectNullableAnnotations = true;
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(System.Text.Json.JsonNamingPolicy.CamelCase));
        });
        services.AddOptions<XapiOptions>().Configure<IConfiguration>((o, c) =>
            o.PublicBaseUrl = c["Mooc:PublicBaseUrl"] ?? XapiOptions.DefaultBaseUrl);
        services.AddSingleton(TimeProvider.System);
        services.AddOptions<RequestLimitsOptions>().BindConfiguration(RequestLimitsOptions.Section)
            .Validate(o => o.MaxLiveConnectionsPerCaller >= 1 && o.MaxLiveConnections >= 1, "Mooc:Limits live connection limits must be at least 1.")
            .ValidateOnStart();
        services.AddSingleton<LiveConnectionLimiter>();
        services.AddMoocHealthChecks();
        services.AddOpenApi();
        return builder;
    }

    private static string DefaultDetail(int? status) => status switch
    {
        StatusCodes.Status401Unauthorized => "Authenticate with 'Authorization: Bearer <token>' or 'X-Api-Key: <key>' (xAPI routes also accept HTTP Basic).",
        StatusCodes.Status403Forbidden => "This caller is not allowed to do this.",
        StatusCodes.Status404NotFound => "No such resource or route.",
        StatusCodes.Status405MethodNotAllowed => "This route does not accept that HTTP method.",
        StatusCodes.Status413PayloadTooLarge => "The request body is too large.",
        StatusCodes.Status415UnsupportedMediaType => "The body must be JSON (Content-Type: application/json).",
        StatusCodes.Status429TooManyRequests => "Too many requests; retry later.",
        StatusCodes.Status500InternalServerError => "An unexpected error occurred; it was logged.",
        _ => "The request failed.",
    };

    /// <summary>Error handling and body limits; call before authentication so 401/403 get ProblemDetails too.</summary>
    public static WebApplication UseMoocApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseMoocBodyLimits();
        return app;
    }

    public static WebApplication MapMoocApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapHealthEndpoints();
        app.MapOpenApi("/openapi/v1.json").AllowAnonymous();
        app.MapScalarApiReference("/docs", o => o.WithOpenApiRoutePattern("/openapi/v1.json")).AllowAnonymous();
        app.MapCourseEndpoints();
        app.MapLearnerEndpoints();
        app.MapXapiEndpoints();
        app.MapCmi5Endpoints();
        app.MapAnalyticsEndpoints();
        app.MapAssessmentEndpoints();
        app.MapPracticeEndpoints();
        return app;
    }
}
