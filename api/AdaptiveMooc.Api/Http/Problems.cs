using AdaptiveMooc.Grains.Abstractions.Common;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AdaptiveMooc.Api.Http;

/// <summary>The ProblemDetails answers every endpoint uses, so errors look the same everywhere.</summary>
internal static class Problems
{
    public static ProblemHttpResult BadRequest(string detail, string? field = null) =>
        Problem(StatusCodes.Status400BadRequest, "The request is invalid.", detail, field);

    public static ProblemHttpResult NotFound(string detail) =>
        Problem(StatusCodes.Status404NotFound, "Not found.", detail);

    public static ProblemHttpResult Forbidden(string detail) =>
        Problem(StatusCodes.Status403Forbidden, "Forbidden.", detail);

    public static ProblemHttpResult Conflict(string detail, string? field = null) =>
        Problem(StatusCodes.Status409Conflict, "Conflict.", detail, field);

    /// <summary>A storage quota is used up (403: the request is understood, and refused until room is made).</summary>
    public static ProblemHttpResult QuotaExceeded(string detail, string? field = null) =>
        Problem(StatusCodes.Status403Forbidden, "Quota exceeded.", detail, field);

    public static ProblemHttpResult TooManyRequests(string detail) =>
        Problem(StatusCodes.Status429TooManyRequests, "Too many requests.", detail);

    public static ProblemHttpResult PayloadTooLarge(string detail) =>
        Problem(StatusCodes.Status413PayloadTooLarge, "The request body is too large.", detail);

    /// <summary>Maps a failed grain command; success must be handled by the caller.</summary>
    public static ProblemHttpResult From(CommandResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var detail = result.Detail ?? result.Status.ToString();
        return result.Status switch
        {
            CommandStatus.NotFound => NotFound(detail),
            CommandStatus.Conflict => Conflict(detail, result.Field),
            CommandStatus.Forbidden => Forbidden(detail),
            CommandStatus.Invalid => BadRequest(detail, result.Field),
            _ => Problem(StatusCodes.Status500InternalServerError, "Unexpected result.", detail),
        };
    }

    // The detail always names the field, so a client reading only `detail` knows what to fix.
    private static ProblemHttpResult Problem(int status, string title, string detail, string? field = null) =>
        TypedResults.Problem(
            detail: field is null || detail.Contains(field, StringComparison.Ordinal) ? detail : $"{field}: {detail}",
            statusCode: status,
            title: title,
            extensions: field is null ? null : new Dictionary<string, object?> { ["field"] = field });
}
