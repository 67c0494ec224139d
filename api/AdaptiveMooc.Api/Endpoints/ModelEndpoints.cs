using AdaptiveMooc.Api.Contracts;
using AdaptiveMooc.Api.Http;
using AdaptiveMooc.Api.Security;
using AdaptiveMooc.Grains.Abstractions.Models;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AdaptiveMooc.Api.Endpoints;

/// <summary>The model registry and the retraining loop (admin only; docs/OPERATIONS.md, "Retraining").</summary>
public static class ModelEndpoints
{
    public const int MaxLimit = 100;

    public static IEndpointRouteBuilder MapModelEndpoints(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var group = app.MapGroup("/api/models").WithTags("Models").RequireAuthorization(MoocPolicies.Admin);
        group.MapGet("/registry", Registry).WithName("GetModelRegistry")
            .WithSummary("The model registry: serving set, recent sets and retraining runs with every model's decision and figures.");
        group.MapPost("/retraining", Retrain).WithName("StartModelRetraining")
            .WithSummary("Starts a retraining run in the background (202); 409 while one runs or without a database.");
        group.MapPost("/rollback", Rollback).WithName("RollbackModels")
            .WithSummary("Serves the set that served before the current one again; 409 when there is none.");
        return app;
    }

    /// <param name="limit">Sets and runs listed, newest first (1-100, default 20).</param>
    private static async Task<Results<Ok<ModelRegistryView>, ProblemHttpResult>> Registry(int? limit, IClusterClient cluster)
    {
        if (limit is < 1 or > MaxLimit)
        {
            return Problems.BadRequest($"limit must be 1-{MaxLimit}.", "limit");
        }

        return TypedResults.Ok(await cluster.GetGrain<IModelRetrainingGrain>(0).GetRegistry(limit ?? 20));
    }

    private static async Task<Results<Accepted<RetrainingAccepted>, ProblemHttpResult>> Retrain(RetrainingBody? body, HttpContext context, IClusterClient cluster)
    {
        if (body?.TestWeeks is < 1 or > 52)
        {
            return Problems.BadRequest("testWeeks must be 1-52.", "testWeeks");
        }

        var caller = context.Caller();
        var start = await cluster.GetGrain<IModelRetrainingGrain>(0).Start(
            new RetrainingRequest(RetrainingRequest.Manual, caller.Id, body?.ShuffleLabels ?? false, body?.TestWeeks));
        return start is { Started: true, RunId: { } runId }
            ? TypedResults.Accepted("/api/models/registry", new RetrainingAccepted(runId, "/api/models/registry"))
            : Problems.Conflict(start.Reason ?? "the run did not start");
    }

    private static async Task<Results<Ok<ModelSetView>, ProblemHttpResult>> Rollback(HttpContext context, IClusterClient cluster)
    {
        var result = await cluster.GetGrain<IModelRetrainingGrain>(0).Rollback(context.Caller().Id);
        return result is { RolledBack: true, Serving: { } serving }
            ? TypedResults.Ok(serving)
            : Problems.Conflict(result.Reason ?? "nothing to roll back to");
    }
}
