using System.Diagnostics.CodeAnalysis;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AdaptiveMooc.Api.Http;

/// <summary>The edge check for free text the API stores (titles, bodies, reasons): present, not blank, bounded.</summary>
internal static class RequiredText
{
    /// <summary>Trims <paramref name="text"/>; a blank or over-long value gives a 400 naming <paramref name="field"/>.</summary>
    public static bool TryRead(string? text, string field, int max, out string value, [NotNullWhen(false)] out ProblemHttpResult? problem)
    {
        value = text?.Trim() ?? string.Empty;
        problem = value.Length == 0
            ? Problems.BadRequest($"{field} is required and must not be blank.", field)
            : value.Length > max ? Problems.BadRequest($"{field} must be at most {max} characters (got {value.Length}).", field) : null;
        return problem is null;
    }
}
