namespace AdaptiveMooc.Web.Api;

/// <summary>An RFC 9457 ProblemDetails from the API; <see cref="Field"/> names the input at fault on a 400.</summary>
public sealed record ApiProblem(string? Title, string? Detail, int? Status, string? Field);
