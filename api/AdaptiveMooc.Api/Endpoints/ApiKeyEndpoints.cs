using AdaptiveMooc.Grains.Abstractions.Common;
using AdaptiveMooc.Api.Http;
using AdaptiveMooc.Api.Security;
using AdaptiveMooc.Grains.Abstractions.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AdaptiveMooc.Api.Endpoints;

/// <summary>Platform API keys (admin only): the key text is shown once, at creation.</summary>
public static class ApiKeyEndpoints
{
    private const int MaxNameLength = 100;

    /// <summary>Courses one key may be limited to.</summary>
    public const int MaxCourses = 100;

    public static IEndpointRouteBuilder MapApiKeyEndpoints(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var group = app.MapGroup("/api/api-keys").WithTags("ApiKeys").RequireAuthorization(MoocPolicies.Admin);
        group.MapPost("/", Create).WithName("CreateApiKey");
        group.MapGet("/", List).WithName("ListApiKeys");
        group.MapGet("/{id}", Get).WithName("GetApiKey");
        group.MapDelete("/{id}", Revoke).WithName("RevokeApiKey");
        return app;
    }

    /// <summary><c>courses</c> (optional) limits the key to those courses; without it the key covers every course.</summary>
    public sealed record CreateApiKeyRequest(string? Name, string[]? Scopes, string?[]? Courses = null);

    public sealed record ApiKeyCreated(string Id, string Key, string Name, IReadOnlyList<string> Scopes, DateTimeOffset CreatedAt, IReadOnlyList<string>? Courses);

    public sealed record ApiKeyResponse(
        string Id, string Name, IReadOnlyList<string> Scopes, string CreatedBy, DateTimeOffset CreatedAt, bool Revoked, DateTimeOffset? RevokedAt,
        IReadOnlyList<string>? Courses);

    public sealed record ApiKeyList(IReadOnlyList<ApiKeyResponse> Items, string? Next);

    private static async Task<Results<Created<ApiKeyCreated>, ProblemHttpResult>> Create(
        CreateApiKeyRequest? request, IGrainFactory grains, TimeProvider time, HttpContext http)
    {
        var name = request?.Name?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > MaxNameLength)
        {
            return Invalid($"name is required (1-{MaxNameLength} characters).");
        }

        if (request!.Scopes is not { Length: > 0 } scopes)
        {
            return Invalid($"scopes must list at least one of: {string.Join(", ", ApiKeyScopes.All)}.");
        }

        var unknown = scopes.FirstOrDefault(s => s is null || !ApiKeyScopes.All.Contains(s));
        if (scopes.Any(s => s is null) || unknown is not null)
        {
            return Invalid($"scopes: '{unknown}' is not one of {string.Join(", ", ApiKeyScopes.All)}.");
        }

        string[]? courses = null;
        if (request.Courses is { } requested)
        {
            if (requested.Length is 0 or > MaxCourses || requested.Any(c => !Ids.IsValid(c)))
            {
                return Problems.BadRequest(
                    $"courses, when given, lists 1-{MaxCourses} course ids (1-64 characters of [a-z0-9-]); leave it out for a key that covers every course.", "courses");
            }

            courses = [.. requested.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)!];
        }

        var caller = http.Caller();
        var (id, key) = ApiKeyText.Create();
        var distinct = scopes.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var now = time.GetUtcNow();
        var directory = grains.ByKey<IApiKeyDirectoryGrain>(IApiKeyDirectoryGrain.Key);
        var summary = new ApiKeySummary(id, name, distinct, caller.Id, now, null, courses);
        if (!await directory.Add(summary))
        {
            return TypedResults.Problem(
                title: "Conflict", detail: $"At most {IApiKeyDirectoryGrain.MaxKeys} API keys exist; delete unused ones.", statusCode: StatusCodes.Status409Conflict);
        }

        await grains.ByKey<IApiKeyGrain>(id).Create(new NewApiKey(name, distinct, ApiKeyText.Digest(key), caller.Id, now, courses));
        var scopeDetail = courses is null ? string.Empty : $" courses={string.Join(' ', courses)}";
        await http.AuditAsync("apiKey.create", $"apiKey:{id}", $"scopes={string.Join(' ', distinct)}{scopeDetail}");
        return TypedResults.Created($"/api/api-keys/{id}", new ApiKeyCreated(id, key, name, distinct, now, courses));
    }

    private static async Task<Results<Ok<ApiKeyList>, ProblemHttpResult>> List(int? limit, string? after, IGrainFactory grains)
    {
        if (!Paging.TryLimit(limit, out var take, out var limitProblem))
        {
            return limitProblem;
        }

        if (!Paging.TryDecode(after, out var afterId) || (afterId is not null && !ApiKeyText.IsId(afterId)))
        {
            return Invalid("after is not a cursor this list returned.");
        }

        var page = await grains.ByKey<IApiKeyDirectoryGrain>(IApiKeyDirectoryGrain.Key).List(take, afterId);
        var next = page.NextAfterId is null ? null : Paging.Encode(page.NextAfterId);
        return TypedResults.Ok(new ApiKeyList(page.Items.Select(ToResponse).ToList(), next));
    }

    private static async Task<Results<Ok<ApiKeyResponse>, ProblemHttpResult>> Get(string id, IGrainFactory grains) =>
        ApiKeyText.IsId(id) && await grains.ByKey<IApiKeyGrain>(id).GetSummary() is { } summary
            ? TypedResults.Ok(ToResponse(summary))
            : NotFoundKey(id);

    private static async Task<Results<NoContent, ProblemHttpResult>> Revoke(
        string id, IGrainFactory grains, ApiKeyValidator validator, TimeProvider time, HttpContext http)
    {
        var now = time.GetUtcNow();
        if (!ApiKeyText.IsId(id) || !await grains.ByKey<IApiKeyGrain>(id).Revoke(now))
        {
            return NotFoundKey(id);
        }

        validator.Forget(id);
        await grains.ByKey<IApiKeyDirectoryGrain>(IApiKeyDirectoryGrain.Key).MarkRevoked(id, now);
        await http.AuditAsync("apiKey.revoke", $"apiKey:{id}");
        return TypedResults.NoContent();
    }

    private static ApiKeyResponse ToResponse(ApiKeySummary s) =>
        new(s.Id, s.Name, s.Scopes, s.CreatedBy, s.CreatedAt, s.RevokedAt is not null, s.RevokedAt, s.Courses);

    private static ProblemHttpResult NotFoundKey(string id) =>
        TypedResults.Problem(title: "Not found", detail: $"No API key with id '{id}'.", statusCode: StatusCodes.Status404NotFound);

    private static ProblemHttpResult Invalid(string detail) => Problems.BadRequest(detail);
}
