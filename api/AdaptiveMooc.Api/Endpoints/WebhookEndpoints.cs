using AdaptiveMooc.Grains.Abstractions.Common;
using AdaptiveMooc.Api.Http;
using AdaptiveMooc.Api.Security;
using AdaptiveMooc.Api.Webhooks;
using AdaptiveMooc.Grains.Abstractions.Webhooks;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AdaptiveMooc.Api.Endpoints;

/// <summary>
/// Webhooks for API consumers (docs/PLANNING.md, "Webhooks"): API keys holding <c>recommendations:read</c>
/// (the events tell what that scope already reads: any learner's plan) register receivers for their own
/// key; admins register theirs and see and delete everyone's. The signing secret is answered once, at creation.
/// </summary>
public static class WebhookEndpoints
{
    private const string AdminOwner = "admin";

    public static IEndpointRouteBuilder MapWebhookEndpoints(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var group = app.MapGroup("/api/webhooks").WithTags("Webhooks");
        group.MapPost("/", Create).WithName("CreateWebhook");
        group.MapGet("/", List).WithName("ListWebhooks");
        group.MapGet("/{id}", Get).WithName("GetWebhook");
        group.MapDelete("/{id}", Delete).WithName("DeleteWebhook");
        group.MapPost("/{id}/pings", Ping).WithName("PingWebhook");
        return app;
    }

    public sealed record CreateRequest(string? Url, string?[]? Events);

    public sealed record CreatedResponse(Guid Id, string Secret, string Url, IReadOnlyList<string> Events, DateTimeOffset CreatedAt);

    /// <summary>A webhook with its delivery counts and latest dead letters (never its secret).</summary>
    public sealed record WebhookResponse(
        Guid Id, string Owner, string Url, IReadOnlyList<string> Events, DateTimeOffset CreatedAt,
        int Pending, int Delivered, int DeadLettered, IReadOnlyList<WebhookDeadLetter> DeadLetters);

    public sealed record PingResponse(Guid EventId);

    private static async Task<IResult> Create(
        CreateRequest? request, HttpContext context, IGrainFactory grains, IConfiguration configuration, IHostEnvironment environment)
    {
        if (OwnerOf(context.Caller()) is not { } owner)
        {
            return NotAllowed();
        }

        if (request is null)
        {
            return Problems.BadRequest("A JSON body {url, events} is required.", "body");
        }

        var allowLoopback = configuration.GetValue<bool?>(WebhookUrlPolicy.AllowLoopbackKey) ?? environment.IsDevelopment();
        if (WebhookUrlPolicy.Check(request.Url, allowLoopback, out var url) is { } urlProblem)
        {
            return Problems.BadRequest(urlProblem, "url");
        }

        var known = string.Join(", ", WebhookEventTypes.All);
        if (request.Events is not { Length: > 0 } events)
        {
            return Problems.BadRequest($"events must list at least one of: {known}.", "events");
        }

        if (events.Length > WebhookEventTypes.All.Count * 4)
        {
            return Problems.BadRequest($"events must list at most {WebhookEventTypes.All.Count * 4} names.", "events");
        }

        if (Array.Find(events, e => !WebhookEventTypes.IsKnown(e)) is var unknown && !Array.TrueForAll(events, WebhookEventTypes.IsKnown))
        {
            return Problems.BadRequest($"events: '{unknown}' is not one of {known}.", "events");
        }

        var created = await grains.ByKey<IWebhookRegistryGrain>(owner).CreateAsync(url!, [.. events.Select(e => e!)]);
        if (created is null)
        {
            return Problems.Conflict($"At most {WebhookLimits.MaxPerOwner} webhooks per API key; delete unused ones.");
        }

        var w = created.Webhook;
        await context.AuditAsync("webhook.create", $"webhook:{w.Id:D}", $"url={w.Url} events={string.Join(' ', w.Events)}");
        return TypedResults.Created($"/api/webhooks/{w.Id:D}", new CreatedResponse(w.Id, created.Secret, w.Url, w.Events, w.CreatedAt));
    }

    private static async Task<IResult> List(HttpContext context, IGrainFactory grains, int? limit, string? after)
    {
        var caller = context.Caller();
        if (OwnerOf(caller) is not { } owner)
        {
            return NotAllowed();
        }

        if (Paging.CheckLimit(limit) is { } limitProblem)
        {
            return Problems.BadRequest(limitProblem, "limit");
        }

        Guid? afterId = null;
        if (after is not null)
        {
            if (!Paging.TryDecode(after, out var position) || !Guid.TryParseExact(position, "D", out var parsed))
            {
                return Problems.BadRequest("after is not a cursor this list returned.", "after");
            }

            afterId = parsed;
        }

        var take = limit ?? Paging.DefaultLimit;
        var rows = await grains.ByKey<IWebhookHubGrain>(0).ListAsync(caller.IsAdmin ? null : owner, afterId, take + 1);
        var page = rows.Take(take).Select(ToResponse).ToList();
        var next = rows.Count > take ? Paging.Encode(page[^1].Id.ToString("D")) : null;
        return TypedResults.Ok(new Page<WebhookResponse>(page, next));
    }

    private static async Task<IResult> Get(string id, HttpContext context, IGrainFactory grains)
    {
        var caller = context.Caller();
        if (OwnerOf(caller) is not { } owner)
        {
            return NotAllowed();
        }

        if (!Guid.TryParseExact(id, "D", out var webhookId))
        {
            return BadId();
        }

        return await grains.ByKey<IWebhookHubGrain>(0).GetAsync(caller.IsAdmin ? null : owner, webhookId) is { } found
            ? TypedResults.Ok(ToResponse(found))
            : NotFound(webhookId);
    }

    private static async Task<IResult> Delete(string id, HttpContext context, IGrainFactory grains)
    {
        var caller = context.Caller();
        if (await Resolve(caller, id, grains) is not { } target)
        {
            return OwnerOf(caller) is null ? NotAllowed() : Guid.TryParseExact(id, "D", out var parsed) ? NotFound(parsed) : BadId();
        }

        if (!await grains.ByKey<IWebhookRegistryGrain>(target.Owner).DeleteAsync(target.Id))
        {
            return NotFound(target.Id);
        }

        await context.AuditAsync("webhook.delete", $"webhook:{target.Id:D}");
        return TypedResults.NoContent();
    }

    private static async Task<IResult> Ping(string id, HttpContext context, IGrainFactory grains)
    {
        var caller = context.Caller();
        if (await Resolve(caller, id, grains) is not { } target)
        {
            return OwnerOf(caller) is null ? NotAllowed() : Guid.TryParseExact(id, "D", out var parsed) ? NotFound(parsed) : BadId();
        }

        return await grains.ByKey<IWebhookRegistryGrain>(target.Owner).PingAsync(target.Id) is { } eventId
            ? TypedResults.Accepted($"/api/webhooks/{target.Id:D}", new PingResponse(eventId))
            : NotFound(target.Id);
    }

    /// <summary>The webhook the caller may act on, with its owner (an admin acts on anyone's); null otherwise.</summary>
    private static async Task<(Guid Id, string Owner)?> Resolve(Caller caller, string id, IGrainFactory grains)
    {
        if (OwnerOf(caller) is not { } owner || !Guid.TryParseExact(id, "D", out var webhookId))
        {
            return null;
        }

        var found = await grains.ByKey<IWebhookHubGrain>(0).GetAsync(caller.IsAdmin ? null : owner, webhookId);
        return found is null ? null : (found.Id, found.Owner);
    }

    /// <summary>Whose webhooks the caller manages: its own API key's, or the admins' (shared); null when it may not.</summary>
    private static string? OwnerOf(Caller caller) =>
        caller.IsAdmin ? AdminOwner
        : caller.IsApiKey && caller.HasScope(Scopes.RecommendationsRead) ? "key:" + caller.Id
        : null;

    private static WebhookResponse ToResponse(WebhookView w) =>
        new(w.Id, w.Owner, w.Url, w.Events, w.CreatedAt, w.Pending, w.Delivered, w.DeadLettered, w.DeadLetters);

    private static ProblemHttpResult NotAllowed() =>
        Problems.Forbidden($"Webhooks are for admins and API keys with the {Scopes.RecommendationsRead} scope.");

    private static ProblemHttpResult BadId() => Problems.BadRequest("id must be a webhook id (a UUID).", "id");

    private static ProblemHttpResult NotFound(Guid id) => Problems.NotFound($"No webhook with id '{id:D}'.");
}
