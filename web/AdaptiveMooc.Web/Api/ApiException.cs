using System.Net;

namespace AdaptiveMooc.Web.Api;

/// <summary>The API answered an error; pages turn it into words (<see cref="ApiErrors"/>), never a crash.</summary>
public sealed class ApiException : Exception
{
    public ApiException()
    {
    }

    public ApiException(string message)
        : base(message)
    {
    }

    public ApiException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ApiException(HttpStatusCode status, ApiProblem? problem)
        : base(problem?.Detail ?? problem?.Title ?? $"The API answered {(int)status}.")
    {
        Status = status;
        Problem = problem;
    }

    public HttpStatusCode Status { get; }

    public ApiProblem? Problem { get; }

    public string? Field => Problem?.Field;
}
