using System.Buffers.Text;
using System.Diagnostics.CodeAnalysis;
using Microsoft.AspNetCore.Http.HttpResults;
using System.Text;

namespace AdaptiveMooc.Api.Http;

/// <summary>The list conventions of docs/API.md: <c>limit</c> (default 50, max 500) and an opaque <c>after</c> cursor.</summary>
internal static class Paging
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 500;

    /// <summary>Null when valid; otherwise the message for a 400.</summary>
    public static string? CheckLimit(int? limit) =>
        limit is null or (>= 1 and <= MaxLimit) ? null : $"limit must be between 1 and {MaxLimit}.";

    /// <summary>Checks <c>limit</c>: absent means 50, else 1-500; otherwise a 400 naming the field.</summary>
    public static bool TryLimit(int? limit, out int value, [NotNullWhen(false)] out ProblemHttpResult? problem)
    {
        value = limit ?? DefaultLimit;
        var message = CheckLimit(limit);
        problem = message is null ? null : Problems.BadRequest(message, "limit");
        return problem is null;
    }

    public static string Encode(string position) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(position));

    public static bool TryDecode(string? cursor, out string? position)
    {
        position = null;
        if (string.IsNullOrEmpty(cursor))
        {
            return true;
        }

        try
        {
            position = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(cursor));
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
