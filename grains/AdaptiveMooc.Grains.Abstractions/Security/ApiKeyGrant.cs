namespace AdaptiveMooc.Grains.Abstractions.Security;

/// <summary>
/// What a verified key may do: its scopes, and the courses it is limited to (<see cref="Courses"/> null: every
/// course, as keys made before course scopes existed).
/// </summary>
[GenerateSerializer, Immutable, Alias("mooc.security.ApiKeyGrant")]
public sealed record ApiKeyGrant(
    [property: Id(0)] string[] Scopes,
    [property: Id(1)] string[]? Courses);
