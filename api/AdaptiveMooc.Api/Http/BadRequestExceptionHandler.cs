using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;

namespace AdaptiveMooc.Api.Http;

/// <summary>
/// Turns request-reading failures (malformed JSON, wrong types, a body over its limit) into the same
/// ProblemDetails the endpoints write, naming the JSON path when System.Text.Json gives one.
/// </summary>
internal sealed class BadRequestExceptionHandler : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException bad)
        {
            return false;
        }

        var json = FindJsonException(bad);
        var result = bad.StatusCode == StatusCodes.Status413PayloadTooLarge
            ? Problems.PayloadTooLarge($"The body exceeds this route's limit of {BodyLimits.For(httpContext.Request.Path)} bytes.")
            : json is not null
                ? Problems.BadRequest(Describe(json), json.Path)
                : bad.StatusCode == StatusCodes.Status415UnsupportedMediaType
                    ? Problems.BadRequest("The body must be JSON (Content-Type: application/json).")
                    : Problems.BadRequest(bad.Message);
        await result.ExecuteAsync(httpContext);
        return true;
    }

    private static JsonException? FindJsonException(Exception? exception)
    {
        for (; exception is not null; exception = exception.InnerException)
        {
            if (exception is JsonException json)
            {
                return json;
            }
        }

        return null;
    }

    private static string Describe(JsonException json)
    {
        var where = json.Path is { Length: > 0 } path ? $" at {path}" : string.Empty;
        var message = json.Message.Split(" Path:", 2)[0];
        var inner = json.InnerException?.Message;
        return inner is null || message.Contains(inner, StringComparison.Ordinal)
            ? $"Malformed JSON{where}: {message}"
            : $"Malformed JSON{where}: {message} {inner}";
    }
}
