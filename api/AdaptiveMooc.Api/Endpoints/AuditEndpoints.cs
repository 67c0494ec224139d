using AdaptiveMooc.Grains.Abstractions.Common;
using System.Globalization;
using AdaptiveMooc.Api.Http;
using AdaptiveMooc.Api.Security;
using AdaptiveMooc.Grains.Abstractions.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AdaptiveMooc.Api.Endpoints;

/// <summary>The audit log, newest first (admin only).</summary>
public static class AuditEndpoints
{
    public static IEndpointRouteBuilder MapAuditEndpoints(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGroup("/api/audit").WithTags("Audit").RequireAuthorization(MoocPolicies.Admin)
            .MapGet("/", List).WithName("ListAudit");
        return app;
    }

    public sealed record AuditItem(long Sequence, DateTimeOffset At, string ActorKind, string ActorId, string Action, string Target, string? Detail);

    public sealed record AuditList(IReadOnlyList<AuditItem> Items, string? Next);

    private static async Task<Results<Ok<AuditList>, ProblemHttpResult>> List(int? limit, string? after, IGrainFactory grains)
    {
        if (!Paging.TryLimit(limit, out var take, out var limitProblem))
        {
            return limitProblem;
        }

        long? before = null;
        if (!Paging.TryDecode(after, out var position))
        {
            return Invalid("after is not a cursor this list returned.");
        }

        if (position is not null)
        {
            if (!long.TryParse(position, NumberStyles.None, CultureInfo.InvariantCulture, out var sequence))
            {
                return Invalid("after is not a cursor this list returned.");
            }

            before = sequence;
        }

        var page = await grains.ByKey<IAuditGrain>(0).List(take, before);
        var items = page.Items
            .Select(r => new AuditItem(r.Sequence, r.Entry.At, r.Entry.ActorKind, r.Entry.ActorId, r.Entry.Action, r.Entry.Target, r.Entry.Detail))
            .ToList();
        var next = page.NextBeforeSequence is { } n ? Paging.Encode(n.ToString(CultureInfo.InvariantCulture)) : null;
        return TypedResults.Ok(new AuditList(items, next));
    }

    private static ProblemHttpResult Invalid(string detail) => Problems.BadRequest(detail);
}
