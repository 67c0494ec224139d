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

    /// <summary>The longest <c>actor</c>, <c>action</c> or <c>target</c> filter accepted.</summary>
    public const int FilterMaxLength = 200;

    /// <param name="actor">Only entries by this actor id (exact).</param>
    /// <param name="action">Only this action (exact), or every action starting with it when it ends with a dot (<c>course.</c>).</param>
    /// <param name="target">Only entries about this target (exact, e.g. <c>course:intro</c>).</param>
    /// <param name="from">Only entries at or after this instant (ISO 8601).</param>
    /// <param name="to">Only entries before this instant (ISO 8601).</param>
    private static async Task<Results<Ok<AuditList>, ProblemHttpResult>> List(
        int? limit, string? after, string? actor, string? action, string? target, string? from, string? to, IGrainFactory grains)
    {
        foreach (var (name, value) in new[] { ("actor", actor), ("action", action), ("target", target) })
        {
            if (value is not null && (value.Length == 0 || value.Length > FilterMaxLength))
            {
                return Problems.BadRequest($"{name} must be 1-{FilterMaxLength} characters.", name);
            }
        }

        if (!TryInstant(from, out var fromAt))
        {
            return Problems.BadRequest("from must be an ISO 8601 instant.", "from");
        }

        if (!TryInstant(to, out var toAt))
        {
            return Problems.BadRequest("to must be an ISO 8601 instant.", "to");
        }

        if (fromAt is not null && toAt is not null && toAt <= fromAt)
        {
            return Problems.BadRequest("to must be after from.", "to");
        }

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

        var filter = new AuditFilter(actor, action, target, fromAt, toAt);
        var page = await grains.ByKey<IAuditGrain>(0).Search(filter, take, before);
        var items = page.Items
            .Select(r => new AuditItem(r.Sequence, r.Entry.At, r.Entry.ActorKind, r.Entry.ActorId, r.Entry.Action, r.Entry.Target, r.Entry.Detail))
            .ToList();
        var next = page.NextBeforeSequence is { } n ? Paging.Encode(n.ToString(CultureInfo.InvariantCulture)) : null;
        return TypedResults.Ok(new AuditList(items, next));
    }

    private static ProblemHttpResult Invalid(string detail) => Problems.BadRequest(detail, "after");

    private static bool TryInstant(string? text, out DateTimeOffset? at)
    {
        at = null;
        if (text is null)
        {
            return true;
        }

        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
        {
            return false;
        }

        at = parsed.ToUniversalTime();
        return true;
    }
}
