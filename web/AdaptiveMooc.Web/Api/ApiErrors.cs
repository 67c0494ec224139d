using System.Net;
using AdaptiveMooc.Web.Session;

namespace AdaptiveMooc.Web.Api;

/// <summary>Words for an error, for the page that met it.</summary>
public static class ApiErrors
{
    public static string Describe(Exception? error) => error switch
    {
        null => "",
        SessionExpiredException e => e.Message,
        ApiException { Status: HttpStatusCode.NotFound } e => $"Not found, or not visible to your account: {e.Message}",
        ApiException { Status: HttpStatusCode.Forbidden } e => $"Your account may not do this: {e.Message}",
        ApiException { Status: HttpStatusCode.Conflict } e => $"This conflicts with the current state: {e.Message}",
        ApiException { Status: HttpStatusCode.TooManyRequests } => "Too many requests: wait a moment and retry.",
        ApiException { Status: >= HttpStatusCode.InternalServerError } => "The platform could not answer just now; retry in a moment.",
        ApiException e => e.Message,
        HttpRequestException => "The platform's API cannot be reached just now; retry in a moment.",
        TaskCanceledException => "The platform took too long to answer; retry in a moment.",
        _ => "Something went wrong while showing this page; retry in a moment.",
    };
}
