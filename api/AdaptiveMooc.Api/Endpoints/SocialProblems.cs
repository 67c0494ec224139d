using System.Text.RegularExpressions;

namespace AdaptiveMooc.Api.Endpoints;

/// <summary>ProblemDetails answers and edge checks shared by the forum, webinar and certificate endpoints.</summary>
internal static partial class SocialProblems
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 500;

    public static IResult BadRequest(string field, string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Invalid request",
            detail: detail, extensions: new Dictionary<string, object?> { ["field"] = field });

    public static IResult NotFound(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: detail);

    public static IResult Conflict(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Conflict", detail: detail);

    /// <summary>Checks <c>limit</c>: absent means 50, else 1-500.</summary>
    public static bool TryLimit(int? limit, out int value, out IResult? problem)
    {
        value = limit ?? DefaultLimit;
        problem = value is < 1 or > MaxLimit ? BadRequest("limit", $"limit must be between 1 and {MaxLimit}.") : null;
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
