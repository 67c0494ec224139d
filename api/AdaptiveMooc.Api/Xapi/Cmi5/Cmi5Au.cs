namespace AdaptiveMooc.Api.Xapi.Cmi5;

/// <summary>An assignable unit of a cmi5 course structure (cmi5 13.1.4).</summary>
internal sealed record Cmi5Au(string Id, string Title, string Url, string LaunchMethod, string MoveOn, double? MasteryScore, string? LaunchParameters);
