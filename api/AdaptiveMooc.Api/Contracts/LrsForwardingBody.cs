namespace AdaptiveMooc.Api.Contracts;

/// <summary>
/// A new forwarding target: the outside LRS's xAPI endpoint (its base, e.g. <c>https://lrs.example/xapi</c>;
/// statements go to <c>{endpoint}/statements</c>), the Basic credentials it gave the platform, and the
/// courses to forward (leave <c>courseIds</c> out for every statement).
/// </summary>
public sealed record LrsForwardingBody(string? Endpoint, string? Username, string? Password, string?[]? CourseIds);
