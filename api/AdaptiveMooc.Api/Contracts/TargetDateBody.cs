namespace AdaptiveMooc.Api.Contracts;

/// <summary><c>{"targetDate": "2026-06-30"}</c>, or <c>null</c> to clear it.</summary>
public sealed record TargetDateBody(DateOnly? TargetDate);
