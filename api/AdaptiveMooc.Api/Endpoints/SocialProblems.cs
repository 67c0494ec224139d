using System.Text.RegularExpressions;
using AdaptiveMooc.Api.Http;

namespace AdaptiveMooc.Api.Endpoints;

/// <summary>Edge checks shared by the forum, webinar and certificate endpoints; answers are the API's <see cref="Problems"/>.</summary>
internal static partial class SocialProblems
{
    public const int MaxLimit = Paging.MaxLimit;

    public static IResult BadRequest(string field, string detail) => Problems.BadRequest(detail, field);

    public static IResult NotFound(string detail) => Problems.NotFound(detail);

    public static IResult Conflict(string detail) => Problems.Conflict(detail);

    public static IResult Forbidden(string detail) => Problems.Forbidden(detail);

    /// <summary>Checks <c>limit</c>: absent means 50, else 1-500.</summary>
    public static bool TryLimit(int? limit, out int value, out IResult? problem)
    {
        value = limit ?? Paging.DefaultLimit;
        var message = Paging.CheckLimit(limit);
        problem = message is null ? null : BadRequest("limit", message);
        return problem is null;
    }

    /// <summary>A required text: present, not blank after trimming, at most <paramref name="max"/> characters.</summary>
    public static bool TryText(string? text, string field, int max, out string value, out IResult? problem)
    {
        value = text?.Trim() ?? string.Empty;
        problem = value.Length == 0
            ? BadRequest(field, $"{field} is required and must not be blank.")
            : value.Length > max ? BadRequest(field, $"{field} must be at most {max} characters (got {value.Length}).") : null;
        return problem is null;
    }

    public static bool IsId(string? id) => id is { Length: >= 1 and <= 64 } && IdPattern().IsMatch(id);

    [GeneratedRegex("^[a-z0-9-]+$")]
    private static partial Regex IdPattern();
}
