namespace AdaptiveMooc.Api.Http;

/// <summary>A page of a list: <c>next</c> is the cursor for <c>after</c>, null on the last page.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, string? Next);
