namespace AdaptiveMooc.Tests.Shared;

/// <summary>One message smtp4dev caught.</summary>
public sealed record CaughtMail(string Id, string Subject, IReadOnlyList<string> To);
